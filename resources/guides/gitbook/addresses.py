"""A guide page's addresses: its slug here, its old GitBook address, and the redirects between them.

GitBook publishes a page at the path of its file in the space (`folder/page.md` → `…/folder/page`),
a folder's README — or the README variant SUMMARY.md names, such as `README-doc-incubateur-net.md` —
at the folder's own path. Links the community already shares use those addresses: each becomes a
permanent Wagtail redirect to the imported page, beside the older ones `.gitbook.yaml` lists.
"""

import posixpath
from dataclasses import dataclass, field
from urllib.parse import urlparse

from django.db import transaction
from django.utils.text import slugify

from wagtail.contrib.redirects.models import Redirect

from core.importing import RecordError, upsert_model

from .summary import parse_redirects


def is_readme(path: str) -> bool:
    """`README.md` and the variants GitBook accepts as a folder's page (`README-…md`, `readme.md`)."""
    stem = posixpath.splitext(posixpath.basename(path))[0].lower()
    return stem == "readme" or stem.startswith(("readme-", "readme_", "readme."))


def gitbook_path(path: str) -> str:
    """The page's path in GitBook's published space, '' for the space's home page."""
    if is_readme(path):
        return posixpath.dirname(path)
    return path[:-3] if path.lower().endswith(".md") else path


def path_slug(path: str, title: str) -> str:
    """The slug follows the page's place in the guide: a folder's README takes the folder's name."""
    stem = posixpath.basename(gitbook_path(path))
    return slugify(stem)[:80] or slugify(title)[:80] or "page"


def redirect_path_prefix(base_url: str, prefix: str | None) -> str:
    """`--redirect-prefix` if given, else the path of `--gitbook-base-url` (`/communaute`)."""
    if prefix is None:
        prefix = urlparse(base_url or "").path
    prefix = "/" + prefix.strip("/")
    return "" if prefix == "/" else prefix


def old_url(base_url: str, path: str) -> str:
    """The page's address on GitBook, e.g. https://doc.incubateur.net/communaute/les-standards."""
    if not base_url:
        return ""
    page = gitbook_path(path)
    return base_url.rstrip("/") + ("/" + page if page else "")


@dataclass
class RedirectStats:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    missing: list[str] = field(default_factory=list)

    def count(self, outcome: str) -> None:
        setattr(self, outcome, getattr(self, outcome) + 1)

    def summary_fr(self):
        return (
            f"  redirections : {self.created} créées, {self.updated} mises à jour, "
            f"{self.unchanged} inchangées, {len(self.missing)} sans page cible"
        )


def wanted_redirects(root, entries, page_ids, key, prefix: str, base_url: str, report) -> dict[str, int]:
    """Old path → page id: `.gitbook.yaml` redirects, then (winning) each page's own GitBook path."""
    wanted, missing = {}, []
    try:
        redirects = parse_redirects(root)
    except RecordError as exc:
        report.warn(".gitbook.yaml", str(exc))
        redirects = {}
    for old, target in redirects.items():
        page_id = page_ids.get(key(target))
        if page_id is None:
            missing.append(old)
        else:
            wanted[prefix + "/" + old.strip("/")] = page_id
    if base_url:
        for entry in entries:
            page_id = page_ids.get(key(entry.source)) if entry.kind == "page" else None
            page_path = gitbook_path(entry.path) if page_id else ""
            if page_id and (page_path or prefix):  # never "/": that is this site's home page
                wanted[prefix + ("/" + page_path if page_path else "")] = page_id
    return wanted, missing


def import_redirects(wanted: dict[str, int], missing: list[str], report) -> RedirectStats:
    """Permanent Wagtail redirects for every old address, each in its own transaction."""
    stats = RedirectStats(missing=missing)
    max_length = Redirect._meta.get_field("old_path").max_length
    normalised = {}
    for old, page_id in wanted.items():
        old_path = Redirect.normalise_path(old)
        if len(old_path) > max_length:
            report.warn(".gitbook.yaml", f"redirection ignorée, ancienne adresse trop longue : {old_path}")
            continue
        normalised[old_path] = page_id
    existing = {r.old_path: r for r in Redirect.objects.filter(site=None, old_path__in=list(normalised))}
    for old_path, page_id in normalised.items():
        with transaction.atomic():
            _, outcome = upsert_model(
                Redirect,
                {"old_path": old_path, "site": None},
                {"redirect_page_id": page_id, "is_permanent": True, "redirect_link": ""},
                existing=existing.get(old_path),
            )
        stats.count(outcome)
    if missing:
        examples = ", ".join(missing[:5])
        report.warn(
            ".gitbook.yaml",
            f"{len(missing)} redirection(s) ignorée(s) : page cible absente de l'export "
            f"(par exemple {examples})",
        )
    return stats
