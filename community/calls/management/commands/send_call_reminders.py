"""`python manage.py send_call_reminders`: remind unsent drafts a week before the deadline (daily)."""

import datetime

from django.core.management.base import BaseCommand, CommandError

from community.calls.reminders import reminders_run, send_deadline_reminders


def day(value: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(value)
    except ValueError as error:
        raise CommandError(f"Date invalide : « {value} » (format attendu : 2026-12-07).") from error


class Command(BaseCommand):
    help = "Relance, une semaine avant la date limite, les candidatures commencées mais pas envoyées."

    def add_arguments(self, parser):
        parser.add_argument("--date", type=day, help="Faire comme si l'on était ce jour (AAAA-MM-JJ).")
        parser.add_argument(
            "--enqueue", action="store_true", help="Confier le travail au worker de tâches de fond."
        )

    def handle(self, *args, date=None, enqueue=False, **options):
        if enqueue:
            if date is not None:
                raise CommandError(
                    "--date et --enqueue ne vont pas ensemble : le worker prend le jour de son passage."
                )
            self.stdout.write(f"Tâche mise en file : {reminders_run.enqueue().id}")
            return
        sent = send_deadline_reminders(date)
        self.stdout.write(f"Relances de candidature envoyées : {sent}.")
