"""Invitations by email: a coordinator invites an address; its link (or the address, once verified)
leads into the group.

Someone without an account follows the link, signs up (allauth) with the invited address, and is in
the group once that address is confirmed: allauth's `email_confirmed` signal accepts every pending
invitation for it, whichever browser the confirmation link is opened in. An existing member accepts
from the link, or from the « Invitations » box of /groupes/ on their next visit.

Decisions: an invitation is for its address, not for whoever holds the link (a forwarded email, a
shared screen): it is accepted or declined only by an account on which that address is verified;
someone who signed up with another address adds and confirms the invited one in their account.
It expires after FABRIQUE_GROUP_INVITATION_DAYS; inviting the address again sends a new link.
"""

from django.db import transaction
from django.utils import timezone

from allauth.account.models import EmailAddress
from allauth.account.signals import email_confirmed

from .memberships import MembershipRefused, add_member, notify, site_url
from .models import Group, Invitation, new_token

EXPIRED = (
    "Cette invitation a expiré. Demandez à une personne qui coordonne le groupe de vous inviter à nouveau."
)


def invite(group: Group, email: str, invited_by) -> Invitation:
    """One pending invitation per address and group: inviting again sends the same link again."""
    email = email.strip().lower()
    if group.memberships.filter(user__email__iexact=email, status="actif").exists():
        raise MembershipRefused("Cette personne est déjà membre du groupe.")
    invitation = Invitation.objects.filter(group=group, email__iexact=email, accepted_at=None).first()
    if invitation is None:
        invitation = Invitation.objects.create(group=group, email=email, invited_by=invited_by)
    elif invitation.expired:
        # A new link and a new delay: the old link stays dead.
        invitation.token, invitation.created_at, invitation.invited_by = (
            new_token(),
            timezone.now(),
            invited_by,
        )
        invitation.save(update_fields=["token", "created_at", "invited_by"])
    has_account = EmailAddress.objects.filter(email__iexact=email, verified=True).exists()
    notify(
        [email],
        f"Invitation à rejoindre « {group.name} »",
        "invitation",
        {
            "group": group,
            "invited_by": invited_by,
            "has_account": has_account,
            "url": site_url(invitation.get_absolute_url()),
            "expires_at": invitation.expires_at,
        },
    )
    return invitation


def verified_addresses(user) -> set[str]:
    if not user.is_authenticated:
        return set()
    addresses = EmailAddress.objects.filter(user=user, verified=True).values_list("email", flat=True)
    return {address.lower() for address in addresses}


def refusal(invitation: Invitation, user) -> str:
    """Why this account may not answer this invitation, in French; "" when it may."""
    if invitation.expired:
        return EXPIRED
    if invitation.email.lower() not in verified_addresses(user):
        return (
            f"Cette invitation a été envoyée à {invitation.email}, une adresse qui n'est pas confirmée "
            "sur votre compte. Connectez-vous avec le compte de cette adresse, ou ajoutez-la à vos "
            "adresses électroniques et confirmez-la : l'invitation sera alors acceptée."
        )
    return ""


@transaction.atomic
def accept_invitation(invitation: Invitation, user) -> None:
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if not invitation.pending:
        return
    reason = refusal(invitation, user)
    if reason:
        raise MembershipRefused(reason)
    add_member(invitation.group, user)
    invitation.accepted_at = timezone.now()
    invitation.accepted_by = user
    invitation.save(update_fields=["accepted_at", "accepted_by"])


def decline_invitation(invitation: Invitation, user) -> None:
    reason = refusal(invitation, user)
    if reason:
        raise MembershipRefused(reason)
    invitation.delete()


def pending_invitations_for(user):
    """Unexpired invitations waiting for one of the account's verified addresses."""
    emails = verified_addresses(user)
    if not emails:
        return Invitation.objects.none()
    return Invitation.objects.usable().filter(email__in=emails).select_related("group")


def accept_on_confirmation(request, email_address, **kwargs):
    """allauth confirmed an address: its unexpired invitations become memberships."""
    for invitation in Invitation.objects.usable().filter(email__iexact=email_address.email):
        accept_invitation(invitation, email_address.user)


def connect_signals():
    email_confirmed.connect(accept_on_confirmation, dispatch_uid="groups_accept_invitations")
