"""A week before a call's deadline, people who saved a draft but never sent it are reminded, once.

Run daily by `manage.py send_call_reminders` (cron; `--enqueue` hands the run to the task worker):
a draft gets its reminder on the first run within `REMINDER_DAYS` of the deadline, and
`reminded_at` keeps a second run (or a second cron) from sending it again.
"""

import datetime

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone

from django_tasks import task

from core.pages import route_url

from .models import Application

REMINDER_DAYS = 7


def due_drafts(today: datetime.date):
    return (
        Application.objects.drafts()
        .filter(
            reminded_at__isnull=True,
            call__live=True,
            call__opens_on__lte=today,
            call__deadline__gte=today,
            call__deadline__lte=today + datetime.timedelta(days=REMINDER_DAYS),
            applicant__is_active=True,
        )
        .exclude(applicant__email="")
        .select_related("call", "applicant")
    )


def _remind(application: Application) -> None:
    call = application.call
    address = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + (route_url(None, call, "apply") or call.url or "")
    send_mail(
        f"Votre candidature n'est pas encore envoyée — {call.title}",
        "\n".join(
            [
                "Bonjour,",
                "",
                f"Vous avez commencé une candidature à « {call.title} » sans l'envoyer. "
                f"Les candidatures ferment le {call.deadline:%d/%m/%Y} au soir.",
                "",
                f"Reprendre votre brouillon : {address}",
                "",
                "L'équipe Fabrique",
            ]
        ),
        None,
        [application.applicant.email],
    )


def send_deadline_reminders(today: datetime.date | None = None) -> int:
    """Remind every due draft once; returns how many reminders left."""
    today = today or timezone.localdate()
    sent = 0
    for application in due_drafts(today):
        with transaction.atomic():
            # Claimed row by row: two runs at once cannot both remind the same draft.
            claimed = Application.objects.filter(pk=application.pk, reminded_at__isnull=True).update(
                reminded_at=timezone.now()
            )
            if claimed:
                _remind(application)
                sent += 1
    return sent


@task()
def reminders_run() -> int:
    """`send_call_reminders --enqueue`: the same run, done by the task worker."""
    return send_deadline_reminders()
