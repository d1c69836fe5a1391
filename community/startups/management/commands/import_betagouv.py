"""`manage.py import_betagouv DIR`: import beta.gouv.fr fiches (logic in community.startups.betagouv)."""

from wagtail.models import Site

from community.startups.betagouv import import_betagouv
from community.startups.models import IncubatorIndexPage, StartupIndexPage
from core.importing.commands import ImportCommand

SETUP_FIRST = (
    "les rubriques Startups et Incubateurs n'ont pas de page d'accueil où s'installer : "
    "lancez d'abord « python manage.py setup_site »"
)


class Command(ImportCommand):
    help = (
        "Importe les fiches beta.gouv.fr d'un dossier organisé comme « content/ » (par exemple la copie "
        "Git du site beta.gouv.fr) : phases, organisations, incubateurs, équipes, startups puis membres "
        "(sans adresse électronique). Codes de sortie : 0 tout est importé, 1 des fiches sont rejetées, "
        "2 import refusé."
    )
    lock_name = "import_betagouv"

    def add_arguments(self, parser):
        parser.add_argument("directory", help="dossier contenant phases/, startups/, incubators/…")
        parser.add_argument("--publish", action="store_true", help="publier les pages importées")
        parser.add_argument("--dry-run", action="store_true", help="tout simuler sans rien enregistrer")
        parser.add_argument("--report", metavar="FICHIER.json", help="écrire le rapport JSON dans ce fichier")
        super().add_arguments(parser)

    def run_import(self, directory, publish=False, dry_run=False, report=None, **options):
        site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
        parent = site.root_page.specific if site is not None else None
        sections = (StartupIndexPage, IncubatorIndexPage)
        if parent is None or not all(s.objects.exists() or s.can_create_at(parent) for s in sections):
            raise self.refuse(SETUP_FIRST)
        result = import_betagouv(
            directory,
            parent,
            publish=publish,
            dry_run=dry_run,
            progress_stream=self.progress_stream(options),
            quiet=options.get("quiet", False),
        )
        if report:
            result.write_json(report)
        self.stdout.write(result.summary_fr(dry_run=dry_run))
        if report:
            self.stdout.write(f"Rapport écrit dans {report}")
        return result
