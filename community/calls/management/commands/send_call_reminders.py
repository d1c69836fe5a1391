"""`python manage.py send_call_reminders`: remind unsent drafts a week before the deadline (daily)."""

from django.core.management.base import BaseCommand

from community.calls.reminders import send_deadline_reminders


class Command(BaseCommand):
    help = "Relance, une semaine avant la date limite, les candidatures commencées mais pas envoyées."

    def handle(self, *args, **options):
        sent = send_deadline_reminders()
        self.stdout.write(f"Relances de candidature envoyées : {sent}.")
