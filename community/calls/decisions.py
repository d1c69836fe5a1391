"""What happens to an application once sent: the incubator's team hears of it, the applicant of each
decision. Every email leaves through the task queue (core/mail.py), after the change commits."""

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone

from .models import Application
from .scope import incubator_team_emails

DECISION_SUBJECTS = {
    Application.RECEIVED: "Votre candidature est bien reçue",
    Application.REVIEWING: "Votre candidature est en étude",
    Application.SELECTED: "Votre candidature est retenue",
    Application.DECLINED: "Votre candidature n'est pas retenue",
}
DECISION_TEXTS = {
    Application.RECEIVED: "L'équipe de l'incubateur a bien reçu votre candidature et l'étudiera "
    "après la date limite.",
    Application.REVIEWING: "L'équipe de l'incubateur étudie votre candidature. Elle reviendra vers vous.",
    Application.SELECTED: "Félicitations : votre candidature est retenue. L'équipe de l'incubateur "
    "vous contacte pour la suite.",
    Application.DECLINED: "Votre candidature n'est pas retenue cette fois-ci. Merci de l'intérêt que "
    "vous portez au programme : d'autres appels suivront.",
}


def _site_url(path: str) -> str:
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def _email_applicant(application: Application) -> None:
    status = application.status
    lines = [
        "Bonjour,",
        "",
        f"{DECISION_TEXTS[status]}",
        "",
        f"Appel : {application.call.title}",
        f"Projet : {application.project_title}",
    ]
    if application.note and status != Application.RECEIVED:
        lines += ["", "Le message de l'équipe :", application.note]
    lines += ["", "L'équipe Fabrique"]
    send_mail(
        f"{DECISION_SUBJECTS[status]} — {application.call.title}",
        "\n".join(lines),
        None,
        [application.applicant.email],
    )


@transaction.atomic
def submit(application: Application) -> Application:
    """Send a completed application: it reaches the incubator's team and the applicant gets a receipt."""
    application.status = Application.RECEIVED
    application.submitted_at = timezone.now()
    application.save()
    _email_applicant(application)
    team = incubator_team_emails(application.call.incubator)
    if team:
        send_mail(
            f"Nouvelle candidature — {application.call.title}",
            "\n".join(
                [
                    "Bonjour,",
                    "",
                    f"Une nouvelle candidature est arrivée pour « {application.call.title} » : "
                    f"« {application.project_title} » ({application.administration}).",
                    "",
                    "Elle vous attend dans l'administration, menu « Candidatures » :",
                    _site_url(f"/admin/candidatures/edit/{application.pk}/"),
                ]
            ),
            None,
            team,
        )
    return application


@transaction.atomic
def decide(application: Application, status: str, by, note: str = "") -> Application:
    """Record a decision of the incubator's team and tell the applicant (once per change of status)."""
    if status not in dict(Application.DECISIONS):
        raise ValueError(f"Statut de décision inconnu : {status}")
    # The admin's form has already copied the new status onto the instance: compare with the stored one.
    stored = Application.objects.filter(pk=application.pk).values_list("status", flat=True).first()
    changed = status != stored
    application.status = status
    application.note = note
    if changed:
        application.decided_at = timezone.now()
        application.decided_by = by
    application.save()
    if changed:
        _email_applicant(application)
    return application
