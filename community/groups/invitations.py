"""Invitations by email: a coordinator invites an address; its link (or the address, once verified)
leads into the group.

Someone without an account follows the link, signs up (allauth) with the invited address, and is in
the group once that address is confirmed: allauth's `email_confirmed` signal accepts every pending
invitation for it, whichever browser the confirmation link is opened in. An existing member accepts
from the link, or from the « Invitations » box of /groupes/ on their next visit.
"""

from django.db import transaction
from django.utils import timezone

from allauth.account.models import EmailAddress
from allauth.account.signals import email_confirmed

from .memberships import MembershipRefused, add_member, notify, site_url
from .models import Group, Invitation


def invite(group: Group, email: str, invited_by) -> Invitation:
    """One pending invitation per address and group: inviting again sends the same link again."""
    email = email.strip().lower()
    if group.memberships.filter(user__email__iexact=email, status="actif").exists():
        raise MembershipRefused("Cette personne est déjà membre du groupe.")
    invitation = Invitation.objects.filter(group=group, email__iexact=email, accepted_at=None).first()
    if invitation is None:
        invitation = Invitation.objects.create(group=group, email=email, invited_by=invited_by)
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
        },
    )
    return invitation


@transaction.atomic
def accept_invitation(invitation: Invitation, user) -> None:
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if not invitation.pending:
        return
    add_member(invitation.group, user)
    invitation.accepted_at = timezone.now()
    invitation.accepted_by = user
    invitation.save(update_fields=["accepted_at", "accepted_by"])


def decline_invitation(invitation: Invitation) -> None:
    invitation.delete()


def pending_invitations_for(user):
    """Invitations waiting for one of the account's verified addresses."""
    if not user.is_authenticated:
        return Invitation.objects.none()
    addresses = EmailAddress.objects.filter(user=user, verified=True).values_list("email", flat=True)
    emails = {address.lower() for address in addresses} | ({user.email.lower()} if user.email else set())
    return Invitation.objects.filter(accepted_at=None, email__in=emails).select_related("group")


def accept_on_confirmation(request, email_address, **kwargs):
    """allauth confirmed an address: its pending invitations become memberships."""
    for invitation in Invitation.objects.filter(accepted_at=None, email__iexact=email_address.email):
        accept_invitation(invitation, email_address.user)


def connect_signals():
    email_confirmed.connect(accept_on_confirmation, dispatch_uid="groups_accept_invitations")
