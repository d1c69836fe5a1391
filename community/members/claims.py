"""Claim my fiche: an account becomes the person of an imported beta.gouv.fr fiche, never a double.

Fiches carry no email, but every member of the network has an address built from the fiche's
identifier: `prenom.nom` → `prenom.nom@beta.gouv.fr` (FABRIQUE_MEMBER_EMAIL_DOMAINS). A verified
address of that form links the account to its fiche at once (`link_by_verified_email`). Otherwise
the person asks « Êtes-vous … ? » on their profile (`request_claim`), and a coach of the fiche's
incubator or an administrator decides in the admin (`decide_claim`); the person gets an email.
"""

from django.conf import settings
from django.contrib import messages
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from allauth.account.models import EmailAddress
from allauth.account.signals import email_confirmed

from .merges import merge_members
from .models import ClaimRequest, Member, MemberMerge

MAX_CANDIDATES = 10


class ClaimRefused(Exception):
    """A claim that cannot be made or decided; the message is for the person, in French."""


def member_email_domains() -> list[str]:
    return [domain.strip().lower().lstrip("@") for domain in settings.FABRIQUE_MEMBER_EMAIL_DOMAINS]


def fiche_identifier(email: str) -> str:
    """`prenom.nom@beta.gouv.fr` → `prenom.nom`; "" for an address outside the members' domains."""
    local, _, domain = (email or "").strip().lower().rpartition("@")
    return local if local and domain in member_email_domains() else ""


def unclaimed_fiches():
    """Imported fiches no account holds yet."""
    return Member.objects.filter(user__isnull=True).exclude(source="")


def fiche_for_email(email: str) -> Member | None:
    identifier = fiche_identifier(email)
    if not identifier:
        return None
    return unclaimed_fiches().filter(slug__iexact=identifier).first()


@transaction.atomic
def link_by_verified_email(user, email: str, request=None) -> Member | None:
    """Link the account to the fiche its verified address names; a profile it already had is merged in."""
    fiche = fiche_for_email(email)
    if fiche is None:
        return None
    current = Member.objects.filter(user=user).first()
    if current is not None:
        # The account had its own profile (signed up before this address was verified): one person,
        # one profile, the fiche's. The merge moves the account onto the fiche.
        merge_members(fiche, current, by=user, reason=MemberMerge.AUTOMATIC)
        fiche.refresh_from_db()
    else:
        fiche.user = user
        fiche.save(update_fields=["user"])
    ClaimRequest.objects.filter(user=user, status=ClaimRequest.PENDING).update(
        status=ClaimRequest.REFUSED, decided_at=timezone.now()
    )
    if request is not None:
        messages.success(
            request,
            f"Votre compte est relié à votre fiche beta.gouv.fr « {fiche.full_name} » : votre profil "
            "reprend vos missions et votre présentation.",
        )
    return fiche


def link_verified_addresses(user, request=None) -> Member | None:
    """Try each verified address of the account (a social login brings its own)."""
    addresses = EmailAddress.objects.filter(user=user, verified=True).order_by("-primary", "pk")
    for email in addresses.values_list("email", flat=True):
        fiche = link_by_verified_email(user, email, request)
        if fiche is not None:
            return fiche
    return None


def _on_email_confirmed(sender, request, email_address, **kwargs):
    link_by_verified_email(email_address.user, email_address.email, request)


def connect_signals():
    email_confirmed.connect(_on_email_confirmed, dispatch_uid="members-link-fiche-on-email-confirmed")


# --- « Êtes-vous … ? » -------------------------------------------------------------------------


def candidate_fiches(text: str):
    """Unclaimed fiches whose name or identifier contains every word typed."""
    words = [word for word in text.split() if word][:5]
    if not words:
        return Member.objects.none()
    queryset = unclaimed_fiches()
    for word in words:
        queryset = queryset.filter(Q(full_name__icontains=word) | Q(slug__icontains=word))
    return queryset.order_by("full_name", "pk")[:MAX_CANDIDATES]


def request_claim(user, fiche: Member, message: str = "") -> ClaimRequest:
    if fiche.user_id is not None or not fiche.source:
        raise ClaimRefused("Cette fiche est déjà reliée à un compte.")
    if Member.objects.filter(user=user).exclude(source="").exists():
        raise ClaimRefused("Votre compte est déjà relié à une fiche beta.gouv.fr.")
    claim, created = ClaimRequest.objects.get_or_create(
        user=user, member=fiche, status=ClaimRequest.PENDING, defaults={"message": message.strip()}
    )
    if not created:
        raise ClaimRefused("Vous avez déjà demandé cette fiche : un ou une coach va répondre.")
    return claim


def pending_claims_of(user):
    return ClaimRequest.objects.filter(user=user, status=ClaimRequest.PENDING).select_related("member")


@transaction.atomic
def decide_claim(claim: ClaimRequest, *, approve: bool, by, request=None) -> ClaimRequest:
    """Approve (the fiche absorbs the account's own profile) or refuse; the person is told by email."""
    claim = ClaimRequest.objects.select_for_update().get(pk=claim.pk)
    if claim.status != ClaimRequest.PENDING:
        raise ClaimRefused("Cette demande a déjà été traitée.")
    fiche = claim.member
    if approve:
        if fiche.user_id is not None:
            raise ClaimRefused("Cette fiche est déjà reliée à un autre compte : refusez la demande.")
        current = Member.objects.filter(user=claim.user).first()
        if current is not None:
            merge_members(fiche, current, by=by, reason=MemberMerge.MANUAL)
        else:
            fiche.user = claim.user
            fiche.save(update_fields=["user"])
        # Other requests of the same person, or for the same fiche, are settled by this one.
        ClaimRequest.objects.filter(status=ClaimRequest.PENDING).filter(
            Q(user=claim.user) | Q(member=fiche)
        ).exclude(pk=claim.pk).update(status=ClaimRequest.REFUSED, decided_by=by, decided_at=timezone.now())
    claim.status = ClaimRequest.APPROVED if approve else ClaimRequest.REFUSED
    claim.decided_by, claim.decided_at = by, timezone.now()
    claim.save(update_fields=["status", "decided_by", "decided_at"])
    _tell_the_person(claim, request)
    return claim


def _tell_the_person(claim: ClaimRequest, request=None) -> None:
    profile = reverse("profile_edit")
    if request is not None:
        profile = request.build_absolute_uri(profile)
    if claim.status == ClaimRequest.APPROVED:
        subject = "Votre fiche beta.gouv.fr est reliée à votre compte"
        body = (
            f"Bonjour,\n\nVotre demande a été acceptée : votre compte est désormais relié à la fiche "
            f"« {claim.member.full_name} ». Votre profil reprend ses missions.\n\nVotre profil : {profile}\n"
        )
    else:
        subject = "Votre demande de fiche beta.gouv.fr n'a pas été acceptée"
        body = (
            f"Bonjour,\n\nVotre demande pour la fiche « {claim.member.full_name} » n'a pas été acceptée. "
            "Si c'est bien la vôtre, vérifiez l'adresse prenom.nom de votre compte ou écrivez à votre "
            f"coach.\n\nVotre profil : {profile}\n"
        )
    recipient = claim.user.email
    prefix = settings.ACCOUNT_EMAIL_SUBJECT_PREFIX
    # Sent once the decision is committed: a rolled-back decision sends nothing.
    transaction.on_commit(lambda: send_mail(prefix + subject, body, None, [recipient], fail_silently=False))
