"""`manage.py import_betagouv DIR`: import beta.gouv.fr fiches (logic in community.startups.betagouv)."""

import sys

from django.core.management.base import BaseCommand, CommandError

from wagtail.models import Site

from community.startups.betagouv import import_betagouv
from community.startups.models import IncubatorIndexPage, StartupIndexPage
from core.importing import RecordError

SETUP_FIRST = (
    "les rubriques Startups et Incubateurs n'ont pas de page d'accueil où s'installer : "
    "lancez d'abord « python manage.py setup_site »"
)


class Command(BaseCommand):
    help = (
        "Importe les fiches beta.gouv.fr d'un dossier organisé comme « content/ » : phases, "
        "organisations, incubateurs, équipes, startups puis membres (sans adresse électronique)."
    )

    def add_arguments(self, parser):
        parser.add_argument("directory", help="dossier contenant phases/, startups/, incubators/…")
        parser.add_argument("--publish", action="store_true", help="publier les pages importées")
        parser.add_argument("--dry-run", action="store_true", help="tout simuler sans rien enregistrer")
        parser.add_argument("--report", metavar="FICHIER.json", help="écrire le rapport JSON dans ce fichier")

    def handle(self, directory, publish=False, dry_run=False, report=None, **options):
        site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
        parent = site.root_page.specific if site is not None else None
        sections = (StartupIndexPage, IncubatorIndexPage)
        if parent is None or not all(s.objects.exists() or s.can_create_at(parent) for s in sections):
            raise CommandError(SETUP_FIRST)
        try:
            result = import_betagouv(
                directory, parent, publish=publish, dry_run=dry_run, progress_stream=sys.stderr
            )
        except RecordError as exc:
            raise CommandError(str(exc)) from exc
        if report:
            result.write_json(report)
        self.stdout.write(result.summary_fr(dry_run=dry_run))
        if report:
            self.stdout.write(f"Rapport écrit dans {report}")
