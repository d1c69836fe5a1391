"""Send the daily digests of the groups' discussions (run once a day by the scheduler)."""

from django.core.management.base import BaseCommand

from community.discussions.notifications import send_daily_digests


class Command(BaseCommand):
    help = "Envoie le récapitulatif quotidien des discussions de chaque groupe à ses membres."

    def handle(self, *args, **options):
        sent = send_daily_digests()
        self.stdout.write(f"{sent} récapitulatif(s) envoyé(s).")
