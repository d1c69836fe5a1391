"""Importing a GitBook export (a folder with `SUMMARY.md`) as a tree of `GuidePage`s.

Pass 1 imports every `SUMMARY.md` entry in reading order, each in its own transaction, through the
shared `core.importing` machinery (re-runs report `unchanged` and create no revision). Links to
pages created later in pass 1 are resolved by re-importing, in pass 2, only the pages that had such
links. Redirects from `.gitbook.yaml` come last, once every page exists.
"""

import json
from pathlib import Path, PurePosixPath

from django.utils.text import slugify

from wagtail.models import Page

from core.importing import (
    ImportRun,
    RecordError,
    deferred_indexing,
    read_text,
    split_front_matter,
    upsert_page,
)
from core.importing.quality import replace_issues
from core.taxonomy.models import Phase

from ..models import GuideImportIssue, GuideIndexPage, GuidePage, GuideVariantPage
from .addresses import (
    RedirectStats,
    import_redirects,
    old_url,
    path_slug,
    redirect_path_prefix,
    wanted_redirects,
)
from .attachments import Attachments
from .convert import PageContext, convert_page
from .restated import SharedPages, variant_fields
from .space import SpaceStats, reorder_siblings, unpublish_removed
from .summary import Entry, parse_summary, split_icon

PENDING = -1


def phases_by_folder_name():
    """Phases under every folder name that means them: their slug and their slugified label."""
    known = {}
    for phase in Phase.objects.order_by("order", "name"):
        known.setdefault(phase.slug, phase)
        known.setdefault(slugify(phase.name), phase)
    return known


def phases_of(path: str, known: dict) -> list:
    """The phases named by the folders of a page's path (`la-vie-dune-se/investigation/x.md`)."""
    found = {}
    for folder in PurePosixPath(path).parts[:-1]:
        phase = known.get(slugify(folder))
        if phase is not None:
            found.setdefault(phase.pk, phase)
    return list(found.values())


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

    def __init__(
        self,
        directory,
        parent=None,
        publish=False,
        progress_stream=None,
        *,
        fetch_remote=False,
        gitbook_base_url="",
        redirect_prefix=None,
        quiet=False,
        incubator=None,
    ):
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
        self.space_stats = SpaceStats()
        self.final_pass = False
        self.fetch_remote = fetch_remote
        self.base_url = (gitbook_base_url or "").strip()
        if self.base_url and not self.base_url.startswith(("http://", "https://")):
            raise RecordError(
                f"--gitbook-base-url doit être une adresse web (https://…) : « {self.base_url} »"
            )
        self.prefix = redirect_path_prefix(self.base_url, redirect_prefix)
        self.attachments = None
        self.quiet = quiet
        # Pages under a folder named after a phase (GitBook's « investigation/ », « construction/ »…)
        # are tagged with it, so the phase pages, the filters and « Pour moi » find them.
        self.known_phases = phases_by_folder_name()
        self.phase_tagged = 0
        # --incubator: pages restating a shared page become its variants (restated.py).
        self.incubator = incubator
        self.shared = SharedPages(self.key("")) if incubator is not None else None
        self.variants = 0

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
        self.attachments = Attachments(self.root, fetch_remote=self.fetch_remote, dry_run=dry_run)
        # Search and reference indexes once per page at the end, not at each of its saves.
        with (
            ImportRun(dry_run=dry_run, progress_stream=self.progress_stream, quiet=self.quiet) as run,
            deferred_indexing(),
        ):
            for entry in self.entries:
                if entry.kind == "external":
                    run.report.warn("SUMMARY.md", f"ligne {entry.line} : lien externe ignoré ({entry.path})")
            records = [(entry.source, entry) for entry in self.entries if entry.kind != "external"]
            run.run(records, self.import_entry, label=f"Import {self.space}")
            pending, self.pending = self.pending, {}
            self.final_pass = True
            for source, entry in pending.items():
                self.second_pass(run, source, entry)
            self.sync_space(run)
            wanted, missing = wanted_redirects(
                self.root, self.entries, self.page_ids, self.key, self.prefix, self.base_url, run.report
            )
            self.redirects = import_redirects(wanted, missing, run.report)
        if not dry_run:  # the admin report « Qualité des données importées » tells the last real run
            pages = {entry.source: self.page_ids.get(self.key(entry.source)) for entry in self.entries}
            replace_issues(GuideImportIssue, run.report, pages, prefix=f"{self.space}/")
        return run.report

    def sync_space(self, run):
        """SUMMARY.md is the guide's truth: its order for siblings; pages it dropped are unpublished."""
        listed = [self.key(entry.source) for entry in self.entries if entry.kind != "external"]
        self.space_stats.reordered = reorder_siblings(
            [self.page_ids[k] for k in listed if k in self.page_ids]
        )
        self.space_stats.unpublished = unpublish_removed(self.key(""), set(listed), run.report)

    def summary_fr(self) -> str:
        """The lines the command prints after the report's own summary."""
        lines = [self.redirects.summary_fr(), self.space_stats.summary_fr()]
        if self.incubator is not None:
            lines.append(f"Variantes de pages communes ({self.incubator.title}) : {self.variants}")
        if self.phase_tagged:
            lines.append(f"Pages rattachées à une phase d'après leur dossier : {self.phase_tagged}")
        if self.attachments is not None:
            lines.append(self.attachments.summary_fr())
        return "\n".join(lines)

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
            # A variant holds no page: what its source nests goes under the next imported ancestor.
            if page_id is not None and not GuideVariantPage.objects.filter(pk=page_id).exists():
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
            fields["source_url"] = ""
            slug_base = entry.slug_hint
            pending = False
        else:
            fields, pending = self.page_fields(entry, warn)
            slug_base = path_slug(entry.path, fields["title"])
            fields["source_url"] = old_url(self.base_url, entry.path)
        key = self.key(source)
        restates = self.shared is not None and entry.kind == "page"
        guide = self.shared.restated(fields["title"], slug_base) if restates else None
        if guide is not None:
            return self.import_variant(entry, guide, fields, key, pending)
        parent = self.parent_page(entry)
        fields["slug"] = self.unique_slug(parent, slug_base, key)
        phases = phases_of(entry.path, self.known_phases) if entry.kind != "section" else []
        # Given only when a folder names a phase: other pages keep their fingerprint (and their
        # editors' phases) from earlier imports.
        relations = {"phases": phases} if phases else None
        page, outcome = upsert_page(GuidePage, parent, key, fields, publish=self.publish, relations=relations)
        if phases and not hasattr(entry, "first_outcome"):
            self.phase_tagged += 1
        self.page_ids[key] = page.pk
        if pending:
            self.pending[source] = entry
        if not hasattr(entry, "first_outcome"):
            entry.first_outcome = outcome
        return outcome

    def import_variant(self, entry, guide, fields, key, pending):
        """The page restates `guide`: it becomes the incubator's variant of it."""
        variant_data = variant_fields(self.incubator, fields, guide, key)
        page, outcome = upsert_page(GuideVariantPage, guide, key, variant_data, publish=self.publish)
        self.page_ids[key] = page.pk
        if not hasattr(entry, "first_outcome"):
            self.variants += 1
            entry.first_outcome = outcome
        if pending:
            self.pending[entry.source] = entry
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
            attachments=self.attachments,
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
