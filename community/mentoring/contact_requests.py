"""Contact requests between members: sent through the site, accepted or declined by the mentor.

Nobody's address is shown to ask: the mentor is told by email (through the queue, core/mail.py)
that a request waits on the site. Only an acceptance puts the two in touch: the requester is then
emailed the mentor's address, and each sees the other's on « Mes demandes ». One pending request
per pair at a time; the rate limit is the contributions' limiter (core/forms.PublicFormMixin).
"""

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from .models import MentoringRequest
from .suggestions import may_be_asked


class RequestRefused(Exception):
    """A request the site will not send or an answer it will not record; the message says why."""


def _absolute(request, path: str) -> str:
    return request.build_absolute_uri(path) if request is not None else path


@transaction.atomic
def send_request(requester, mentor, message: str, request=None) -> MentoringRequest:
    suggestion = may_be_asked(requester, mentor)
    if suggestion is None:
        raise RequestRefused("Cette personne ne peut pas recevoir de demande de votre part.")
    if MentoringRequest.objects.filter(
        requester=requester, mentor=mentor, status=MentoringRequest.PENDING
    ).exists():
        raise RequestRefused("Vous avez déjà une demande en attente auprès de cette personne.")
    sent = MentoringRequest.objects.create(
        requester=requester, mentor=mentor, message=message.strip(), reasons=suggestion.reasons_text
    )
    if mentor.user and mentor.user.email:
        body = (
            f"Bonjour,\n\n{requester.full_name} aimerait échanger avec vous en tant que mentor.\n"
            f"Pourquoi le site vous a suggéré·e : {sent.reasons}.\n\n"
            f"Son message :\n{sent.message}\n\n"
            f"Acceptez ou déclinez sur le site : {_absolute(request, reverse('mentoring_requests'))}\n"
            "Votre adresse n'est communiquée que si vous acceptez.\n\n— La Fabrique"
        )
        EmailMessage(
            "[Fabrique] Une demande de mentorat", body, settings.DEFAULT_FROM_EMAIL, [mentor.user.email]
        ).send()
    return sent


@transaction.atomic
def answer_request(sent: MentoringRequest, mentor, *, accept: bool, request=None) -> MentoringRequest:
    sent = (
        # Lock the request row only: PostgreSQL refuses FOR UPDATE on the nullable side of the joins.
        MentoringRequest.objects.select_for_update(of=("self",))
        .select_related("requester__user", "mentor__user")
        .get(pk=sent.pk)
    )
    if sent.mentor_id != mentor.pk:
        raise RequestRefused("Cette demande ne vous est pas adressée.")
    if sent.status != MentoringRequest.PENDING:
        raise RequestRefused("Vous avez déjà répondu à cette demande.")
    sent.status = MentoringRequest.ACCEPTED if accept else MentoringRequest.DECLINED
    sent.answered_at = timezone.now()
    sent.save(update_fields=["status", "answered_at"])
    requester = sent.requester.user
    if requester and requester.email:
        if accept:
            body = (
                f"Bonjour,\n\n{sent.mentor.full_name} a accepté votre demande de mentorat. "
                f"Écrivez-lui à {sent.mentor.user.email} pour convenir d'un premier échange.\n\n— La Fabrique"
            )
        else:
            body = (
                f"Bonjour,\n\n{sent.mentor.full_name} ne peut pas donner suite à votre demande de mentorat "
                "pour le moment. D'autres membres peuvent vous aider : "
                f"{_absolute(request, reverse('mentoring_find'))}\n\n— La Fabrique"
            )
        EmailMessage(
            "[Fabrique] Réponse à votre demande de mentorat",
            body,
            settings.DEFAULT_FROM_EMAIL,
            [requester.email],
        ).send()
    return sent


def requests_of(member):
    """(received, sent) requests of a member, newest first."""
    related = MentoringRequest.objects.select_related("requester__user", "mentor__user")
    return related.filter(mentor=member), related.filter(requester=member)


def match_statistics(requests=None) -> dict:
    """How many matches were made (requests sent) and accepted, for the coaches."""
    requests = requests if requests is not None else MentoringRequest.objects.all()
    statuses = dict.fromkeys(
        (MentoringRequest.PENDING, MentoringRequest.ACCEPTED, MentoringRequest.DECLINED), 0
    )
    for status in requests.values_list("status", flat=True):
        statuses[status] += 1
    return {
        "sent": sum(statuses.values()),
        "accepted": statuses[MentoringRequest.ACCEPTED],
        "declined": statuses[MentoringRequest.DECLINED],
        "pending": statuses[MentoringRequest.PENDING],
    }
