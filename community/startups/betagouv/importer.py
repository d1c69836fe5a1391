"""Import of the beta.gouv.fr content folders: phases, organisations, incubators, teams,
startups, then members and their missions, in that order so that references resolve.

Every fiche is keyed by its file name and imported in its own transaction through the shared
`core.importing` machinery. References (phases, organisations, incubators, startups, terms) are
loaded once per run into dictionaries, so a run costs a few queries per fiche that changed and
almost none per fiche that did not. What each folder does is declared in `steps.py`.
"""

from functools import partial
from pathlib import Path

from django.utils import timezone

from core.importing import ImportRun, RecordError, deferred_indexing
from core.pages import get_or_create_section
from core.taxonomy.models import Phase, Thematique

from ..models import (
    Audience,
    IncubatorIndexPage,
    IncubatorPage,
    Organisation,
    StartupIndexPage,
    StartupPage,
    Team,
)
from .cleaning import slug_for
from .fiches import fiche_files
from .quality import keep_quality_issues
from .steps import FOLDERS, STEPS

BATCH = 50  # records per commit (each still in its own savepoint)


class BetagouvImporter:
    """One import run over a directory laid out like beta.gouv.fr's `content/` folder.

    `parent` is the page the Startups and Incubateurs sections hang under (the site's home page);
    a section missing there is created the first time. The steps read and fill the importer's
    caches, so that a fiche finds what an earlier one imported without a query.
    """

    def __init__(
        self,
        directory,
        parent,
        *,
        publish=False,
        dry_run=False,
        progress_stream=None,
        today=None,
        quiet=False,
    ):
        self.quiet = quiet
        self.directory = Path(directory)
        self.parent = parent
        self.publish = publish
        self.dry_run = dry_run
        self.progress_stream = progress_stream
        self.today = today or timezone.localdate()

    def run(self):
        """Import every step's folder in order; returns the `ImportReport`."""
        if not self.directory.is_dir():
            raise RecordError(f"dossier introuvable : {self.directory}")
        if not any((self.directory / folder).is_dir() for folder in FOLDERS):
            raise RecordError(
                f"{self.directory} ne contient aucun des dossiers attendus ({', '.join(FOLDERS)})"
            )
        with (
            ImportRun(
                dry_run=self.dry_run, progress_stream=self.progress_stream, batch_size=BATCH, quiet=self.quiet
            ) as run,
            deferred_indexing(),
        ):
            self.startup_index = self._section(StartupIndexPage, "startups", "Startups")
            self.incubator_index = self._section(IncubatorIndexPage, "incubateurs", "Incubateurs")
            self._load_caches()
            for step in STEPS:
                records = [
                    (f"{step.folder}/{path.name}", path) for path in fiche_files(self.directory, step.folder)
                ]
                # Hooks run even for a missing or empty folder: current phases depend on today's
                # date, so they are refreshed even when no startup fiche changed.
                if step.prefetch:
                    step.prefetch(self, records)
                run.run(records, partial(step.handler, self), label=step.label)
                if step.after:
                    step.after(self)
        if not self.dry_run:
            keep_quality_issues(run.report)  # the admin report tells the last real run
        return run.report

    def _section(self, model, slug, title):
        """The section page that holds imported pages, created (and published) the first time."""
        return get_or_create_section(self.parent, model, slug, title=title)[0]

    def _load_caches(self):
        self.phases = {phase.slug: phase for phase in Phase.objects.all()}
        self.organisations = {org.slug: org for org in Organisation.objects.all()}
        incubators = IncubatorPage.objects.exclude(betagouv_id="").defer_streamfields()
        self.incubators = {page.betagouv_id: page for page in incubators}
        self.thematiques = {term.slug: term for term in Thematique.objects.all()}
        self.audiences = {term.slug: term for term in Audience.objects.all()}
        self.teams = {team.slug: team for team in Team.objects.all()}
        self.startup_ids = dict(StartupPage.objects.exclude(betagouv_id="").values_list("betagouv_id", "pk"))
        # Filled by the steps' prefetch, for the fiches of their folder only.
        self.existing = {}  # page model → {source key: page}
        self.sibling_slugs = {}  # section pk → slugs taken under it
        self.members = {}  # slug → Member
        self.missions = {}  # member pk → mission rows

    def prefetch_pages(self, model, parent, records):
        """Load the pages of `model` these records may update, and the slugs taken under `parent`."""
        sources = [source for source, _ in records]
        pages = model.objects.filter(source_key__in=sources).defer_streamfields()
        self.existing[model] = {page.source_key: page for page in pages}
        self.sibling_slugs[parent.pk] = set(parent.get_children().values_list("slug", flat=True))

    def unique_slug(self, parent, identifier, existing):
        """A page keeps its slug; a new one gets the fiche's, numbered if a sibling already has it."""
        if existing is not None:
            return existing.slug
        taken = self.sibling_slugs.setdefault(parent.pk, set())
        base = slug_for(identifier) or "fiche"
        slug, n = base, 2
        while slug in taken:
            slug, n = f"{base}-{n}", n + 1
        taken.add(slug)
        return slug


def import_betagouv(directory, parent, **options):
    """Import a beta.gouv.fr `content/`-like directory under `parent`; returns the `ImportReport`."""
    return BetagouvImporter(directory, parent, **options).run()
