"""What makes an account a member: the "Membres" group and a profile, given once.

Used by the account adapters (email sign-up, the State SSO), the member views and the demo.
"""

from django.contrib.auth.models import Group
from django.db import transaction
from django.utils.text import slugify

from .groups import MEMBRES
from .models import Member


def unique_member_slug(full_name: str, exclude_pk=None) -> str:
    base = slugify(full_name)[:140] or "membre"
    slug, suffix = base, 2
    others = Member.objects.exclude(pk=exclude_pk) if exclude_pk else Member.objects.all()
    while others.filter(slug=slug).exists():
        slug, suffix = f"{base}-{suffix}", suffix + 1
    return slug


def display_name(user) -> str:
    return user.get_full_name().strip() or user.email.partition("@")[0] or user.get_username()


@transaction.atomic
def activate_member(user) -> Member:
    """A verified account joins the "Membres" group and gets its profile (once)."""
    group, _ = Group.objects.get_or_create(name=MEMBRES)
    user.groups.add(group)
    member = Member.objects.filter(user=user).first()
    if member is None:
        full_name = display_name(user)
        member = Member.objects.create(user=user, full_name=full_name, slug=unique_member_slug(full_name))
    return member


def profile_of(user) -> Member:
    """The account's member profile, made on first use (e.g. an account verified by an older version)."""
    return Member.objects.filter(user=user).first() or activate_member(user)
