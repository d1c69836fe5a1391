"""Importing a GitBook export (a folder with `SUMMARY.md`) as a tree of `GuidePage`s.

Pass 1 imports every `SUMMARY.md` entry in reading order, each in its own transaction, through the
shared `core.importing` machinery (re-runs report `unchanged` and create no revision). Links to
pages created later in pass 1 are resolved by re-importing, in pass 2, only the pages that had such
links. Redirects from `.gitbook.yaml` come last, once every page exists.
"""

import json
import posixpath
from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction
from django.utils.text import slugify

from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page

from core.importing import ImportRun, RecordError, read_text, split_front_matter, upsert_model, upsert_page

from ..models import GuideIndexPage, GuidePage
from .convert import PageContext, convert_page
from .summary import Entry, parse_redirects, parse_summary, split_icon

PENDING = -1


@dataclass
class RedirectStats:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    missing: list[str] = field(default_factory=list)

    def summary_fr(self):
        text = (
            f"  redirections : {self.created} créées, {self.updated} mises à jour, "
            f"{self.unchanged} inchangées, {len(self.missing)} sans page cible"
        )
        return text


def default_parent():
    parent = GuideIndexPage.objects.first()
    if parent is None:
        raise RecordError(
            "aucune page « accueil des guides » : lancez d'abord « python manage.py setup_site », "
            "ou indiquez la page parente avec --parent"
        )
    return parent


def find_parent(spec: str | None) -> Page:
    """`--parent` as a page id or a URL path (/guides/); the guide index by default."""
    if not spec:
        return default_parent()
    if spec.isdigit():
        page = Page.objects.filter(pk=int(spec)).first()
    else:
        wanted = "/" + spec.strip("/") + "/" if spec.strip("/") else "/"
        page = next(
            (p for p in Page.objects.filter(depth__gte=2) if p.url == wanted or p.url_path.endswith(wanted)),
            None,
        )
    if page is None:
        raise RecordError(f"page parente introuvable : « {spec} » (donnez son identifiant ou son adresse)")
    return page.specific


class GitbookImport:
    """One import of one export directory under one parent page."""

    def __init__(self, directory, parent=None, publish=False, progress_stream=None):
        self.root = Path(directory).resolve()
        if not self.root.is_dir():
            raise RecordError(f"dossier introuvable : {directory}")
        self.space = self.root.name
        self.parent = parent or default_parent()
        self.publish = publish
        self.progress_stream = progress_stream
        self.entries = parse_summary(self.root)
        self.importable = {
            e.path for e in self.entries if e.kind == "page" and (self.root / e.path).is_file()
        }
        self.page_ids = dict(
            GuidePage.objects.filter(source_key__startswith=self.key("")).values_list("source_key", "pk")
        )
        self.pending: dict[str, Entry] = {}
        self.redirects = RedirectStats()
        self.final_pass = False

    def key(self, source: str) -> str:
        return f"gitbook:{self.space}/{source}"

    # Link resolution, used by the converter
    def resolve_page(self, path: str):
        page_id = self.page_ids.get(self.key(path))
        if page_id is not None:
            return page_id
        return PENDING if path in self.importable and not self.final_pass else None

    def read_include(self, path: str) -> str:
        full = self.root / path
        if not full.is_file():
            raise RecordError("fichier absent")
        return split_front_matter(read_text(full))[1]

    # The run
    def run(self, dry_run=False):
        with ImportRun(dry_run=dry_run, progress_stream=self.progress_stream) as run:
            for entry in self.entries:
                if entry.kind == "external":
                    run.report.warn("SUMMARY.md", f"ligne {entry.line} : lien externe ignoré ({entry.path})")
            records = [(entry.source, entry) for entry in self.entries if entry.kind != "external"]
            run.run(records, self.import_entry, label=f"Import {self.space}")
            pending, self.pending = self.pending, {}
            self.final_pass = True
            for source, entry in pending.items():
                self.second_pass(run, source, entry)
            self.import_redirects(run)
        return run.report

    def second_pass(self, run, source, entry):
        """Re-import a page whose links pointed to pages not yet created; counted once in the report."""
        report = run.report
        before = {name: getattr(report, name) for name in ("created", "updated", "unchanged")}
        # Pass 2 sees the page again from scratch: its warnings replace those of pass 1.
        report.warnings[:] = [item for item in report.warnings if item["source"] != source]
        outcome = run.run_one(source, entry, self.import_entry)
        # The page was already counted in pass 1: undo the double count.
        for name, value in before.items():
            setattr(report, name, value)
        if outcome == "updated" and entry.first_outcome == "unchanged":
            report.unchanged -= 1
            report.updated += 1

    def parent_page(self, entry: Entry) -> Page:
        for ancestor in entry.ancestors():
            page_id = self.page_ids.get(self.key(ancestor.source))
            if page_id is not None:
                return Page.objects.get(pk=page_id)
        return self.parent

    def unique_slug(self, parent, slug, source_key):
        siblings = Page.objects.child_of(parent).exclude(guidepage__source_key=source_key)
        candidate, number = slug, 2
        while siblings.filter(slug=candidate).exists():
            candidate = f"{slug}-{number}"
            number += 1
        return candidate

    def import_entry(self, source, entry: Entry, warn):
        if entry.kind == "section":
            icon, title = split_icon(entry.title)
            fields = {"title": title[:255], "icon": icon, "intro": "", "search_description": "", "body": "[]"}
            slug_base = entry.slug_hint
            pending = False
        else:
            fields, pending = self.page_fields(entry, warn)
            slug_base = self.path_slug(entry.path, fields["title"])
        parent = self.parent_page(entry)
        key = self.key(source)
        fields["slug"] = self.unique_slug(parent, slug_base, key)
        page, outcome = upsert_page(GuidePage, parent, key, fields, publish=self.publish)
        self.page_ids[key] = page.pk
        if pending:
            self.pending[source] = entry
        if not hasattr(entry, "first_outcome"):
            entry.first_outcome = outcome
        return outcome

    def page_fields(self, entry: Entry, warn):
        path = self.root / entry.path
        # A directory or a looping link under that name gets its own reason from read_text().
        if not (path.is_file() or path.is_dir() or path.is_symlink()):
            raise RecordError(
                f"fichier absent de l'export : « {entry.path} » (indiqué ligne {entry.line} de SUMMARY.md)"
            )
        text = read_text(path)
        meta, body = split_front_matter(text)
        context = PageContext(
            path=entry.path,
            warn=warn,
            resolve_page=self.resolve_page,
            read_include=self.read_include,
            line_offset=text[: len(text) - len(body)].count("\n"),
        )
        title, icon, blocks, pending = convert_page(body, context)
        summary_icon, summary_title = split_icon(entry.title)
        title = title or summary_title
        description = meta.get("description") or ""
        if not isinstance(description, str | int | float):
            raise RecordError(
                "en-tête YAML : « description » doit être un texte, "
                f"pas {'une liste' if isinstance(description, list) else 'un ensemble de champs'}"
            )
        description = str(description).strip()
        fields = {
            "title": title[:255],
            "icon": (icon or summary_icon)[:16],
            "intro": description,
            "search_description": description,
            "body": json.dumps(blocks, ensure_ascii=False),
        }
        return fields, pending

    @staticmethod
    def path_slug(path, title):
        stem = posixpath.basename(path)[:-3]
        if stem.lower() == "readme":
            stem = posixpath.basename(posixpath.dirname(path)) or title
        return slugify(stem)[:80] or slugify(title)[:80] or "page"

    def import_redirects(self, run):
        """Old GitBook addresses keep working: `.gitbook.yaml` redirects become Wagtail redirects."""
        try:
            redirects = parse_redirects(self.root)
        except RecordError as exc:
            run.report.warn(".gitbook.yaml", str(exc))
            return
        for old, target in redirects.items():
            page_id = self.page_ids.get(self.key(target))
            if page_id is None:
                self.redirects.missing.append(old)
                continue
            old_path = Redirect.normalise_path("/" + old.strip("/"))
            if len(old_path) > Redirect._meta.get_field("old_path").max_length:
                run.report.warn(
                    ".gitbook.yaml", f"redirection ignorée, ancienne adresse trop longue : {old_path}"
                )
                continue
            with transaction.atomic():  # one redirect per transaction, like pages
                _, outcome = upsert_model(
                    Redirect,
                    {"old_path": old_path, "site": None},
                    {"redirect_page_id": page_id, "is_permanent": True, "redirect_link": ""},
                )
            setattr(self.redirects, outcome, getattr(self.redirects, outcome) + 1)
        if self.redirects.missing:
            examples = ", ".join(self.redirects.missing[:5])
            run.report.warn(
                ".gitbook.yaml",
                f"{len(self.redirects.missing)} redirection(s) ignorée(s) : page cible absente de l'export "
                f"(par exemple {examples})",
            )
