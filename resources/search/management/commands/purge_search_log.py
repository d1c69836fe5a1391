"""`python manage.py purge_search_log`: delete searches older than FABRIQUE_SEARCH_LOG_DAYS (daily)."""

from django.core.management.base import BaseCommand

from resources.search.querylog import purge_search_log


class Command(BaseCommand):
    help = (
        "Supprime les recherches enregistrées depuis plus de FABRIQUE_SEARCH_LOG_DAYS jours (180 par "
        "défaut). À lancer chaque jour."
    )

    def handle(self, *args, **options):
        deleted = purge_search_log()
        self.stdout.write(self.style.SUCCESS(f"{deleted} recherche(s) ancienne(s) supprimée(s)."))
