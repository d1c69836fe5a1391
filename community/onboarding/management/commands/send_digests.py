"""The periodic run (a systemd timer or cron, every few minutes): scheduled publications, startups'
current phases, weekly digests and arrival reminders (community/onboarding/digest.py)."""

from datetime import datetime

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from community.onboarding.digest import run_schedule, scheduled_run


def aware(value: str):
    try:
        moment = datetime.fromisoformat(value)
    except ValueError as error:
        raise CommandError(f"Date invalide : « {value} » (format attendu : 2026-12-07T09:00).") from error
    return moment if timezone.is_aware(moment) else timezone.make_aware(moment)


class Command(BaseCommand):
    help = (
        "Publie les pages programmées, recalcule la phase actuelle des startups, envoie les récapitulatifs "
        "de la semaine (une fois par semaine et par personne) et les relances de parcours d'arrivée."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--now",
            type=aware,
            help="Faire comme s'il était cette date et heure (ISO 8601), pour rattraper ou essayer un envoi.",
        )
        parser.add_argument(
            "--no-publish",
            action="store_true",
            help="Ne pas lancer publish_scheduled (déjà lancé par ailleurs).",
        )
        parser.add_argument(
            "--enqueue",
            action="store_true",
            help="Confier le travail au worker de tâches de fond et rendre la main.",
        )

    def handle(self, *args, now=None, no_publish=False, enqueue=False, **options):
        if enqueue:
            if now is not None:
                raise CommandError(
                    "--now et --enqueue ne vont pas ensemble : le worker prend l'heure de son passage."
                )
            result = scheduled_run.enqueue(publish=not no_publish)
            self.stdout.write(f"Tâche mise en file : {result.id}")
            return
        run = run_schedule(now, publish=not no_publish)
        sent = ", ".join(f"{kind} : {count}" for kind, count in sorted(run.sent.items())) or "aucun"
        self.stdout.write(f"Phases de startups modifiées : {run.phases_changed}. Courriels envoyés : {sent}.")
