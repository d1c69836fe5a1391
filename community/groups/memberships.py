"""Joining, leaving and managing a group's members: each rule once, called by the views and the demo.

Every action returns nothing or raises `MembershipRefused` with the French sentence to show. The
rule a coordinator never forgets: a group always keeps one active coordinator, so the last one
names another before leaving (or stepping down).
"""

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils.text import slugify

from .models import Group, Membership, is_member

LAST_COORDINATOR = (
    "Vous êtes la dernière personne à coordonner ce groupe : nommez d'abord une autre "
    "coordinatrice ou un autre coordinateur."
)


class MembershipRefused(Exception):
    """An action the rules refuse; its message is shown to the member as is."""


def site_url(path: str) -> str:
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def notify(recipients, subject: str, template: str, context: dict) -> None:
    """One email per recipient, through the queue (core/mail.py) like every email of the site."""
    body = render_to_string(f"groups/emails/{template}.txt", context)
    for address in sorted({address for address in recipients if address}):
        send_mail(f"[Fabrique] {subject}", body, None, [address])


# Paths under /groupes/ that a group's slug must not take.
RESERVED_SLUGS = {"nouveau", "invitation"}


def unique_slug(name: str) -> str:
    base = slugify(name)[:120] or "groupe"
    slug, number = base, 1
    while slug in RESERVED_SLUGS or Group.objects.filter(slug=slug).exists():
        number += 1
        slug = f"{base}-{number}"
    return slug


@transaction.atomic
def create_group(form, user) -> Group:
    """A member's new group, of which they are the first coordinator."""
    group = form.save(commit=False)
    group.slug = unique_slug(group.name)
    group.created_by = user
    group.save()
    form.save_m2m()
    Membership.objects.create(
        group=group, user=user, role=Membership.Role.COORDINATOR, status=Membership.Status.ACTIVE
    )
    return group


def join(group: Group, user) -> Membership:
    """A public or members-only group: any member joins at once."""
    if not group.can_join(user):
        raise MembershipRefused("Ce groupe est privé : demandez à le rejoindre ou attendez une invitation.")
    membership, created = Membership.objects.get_or_create(group=group, user=user)
    if not created and membership.status != Membership.Status.ACTIVE:
        membership.status = Membership.Status.ACTIVE
        membership.save(update_fields=["status"])
    return membership


def request_to_join(group: Group, user) -> Membership:
    """A private group announced to members: the coordinators decide, and are told by email."""
    if not is_member(user):
        raise MembershipRefused("Seuls les membres du réseau peuvent demander à rejoindre un groupe.")
    membership, created = Membership.objects.get_or_create(
        group=group, user=user, defaults={"status": Membership.Status.REQUESTED}
    )
    if created:
        notify(
            coordinator_emails(group),
            f"Demande pour rejoindre « {group.name} »",
            "join_request",
            {"group": group, "requester": user, "url": site_url(group.get_absolute_url() + "gestion/")},
        )
    return membership


def coordinator_emails(group: Group) -> list[str]:
    return list(
        group.memberships.filter(
            role=Membership.Role.COORDINATOR, status=Membership.Status.ACTIVE
        ).values_list("user__email", flat=True)
    )


def _other_coordinators(membership: Membership):
    return membership.group.memberships.filter(
        role=Membership.Role.COORDINATOR, status=Membership.Status.ACTIVE
    ).exclude(pk=membership.pk)


def _is_last_coordinator(membership: Membership) -> bool:
    return (
        membership.role == Membership.Role.COORDINATOR
        and membership.status == Membership.Status.ACTIVE
        and not _other_coordinators(membership).exists()
    )


@transaction.atomic
def leave(group: Group, user) -> None:
    membership = Membership.objects.select_for_update().filter(group=group, user=user).first()
    if membership is None:
        raise MembershipRefused("Vous n'êtes pas membre de ce groupe.")
    if _is_last_coordinator(membership):
        raise MembershipRefused(LAST_COORDINATOR)
    membership.delete()


def accept(membership: Membership) -> None:
    if membership.status == Membership.Status.ACTIVE:
        return
    membership.status = Membership.Status.ACTIVE
    membership.save(update_fields=["status"])
    group = membership.group
    notify(
        [membership.user.email],
        f"Bienvenue dans « {group.name} »",
        "join_accepted",
        {"group": group, "url": site_url(group.get_absolute_url())},
    )


def refuse(membership: Membership) -> None:
    if membership.status != Membership.Status.REQUESTED:
        raise MembershipRefused("Cette personne est déjà membre du groupe.")
    membership.delete()


@transaction.atomic
def remove(membership: Membership) -> None:
    """A coordinator removes someone; the last coordinator is never removed."""
    if _is_last_coordinator(membership):
        raise MembershipRefused(LAST_COORDINATOR)
    membership.delete()


def name_coordinator(membership: Membership) -> None:
    if membership.status != Membership.Status.ACTIVE:
        raise MembershipRefused("Acceptez d'abord la demande de cette personne.")
    membership.role = Membership.Role.COORDINATOR
    membership.save(update_fields=["role"])


@transaction.atomic
def step_down(membership: Membership) -> None:
    """A coordinator becomes a plain member again, unless the group would have no coordinator left."""
    if _is_last_coordinator(membership):
        raise MembershipRefused(LAST_COORDINATOR)
    membership.role = Membership.Role.MEMBER
    membership.save(update_fields=["role"])


def add_member(group: Group, user, role=Membership.Role.MEMBER) -> Membership:
    """An active membership (an accepted invitation, the demo); an existing request becomes active."""
    membership, _ = Membership.objects.update_or_create(
        group=group, user=user, defaults={"status": Membership.Status.ACTIVE}
    )
    if role == Membership.Role.COORDINATOR and membership.role != role:
        membership.role = role
        membership.save(update_fields=["role"])
    return membership
