"""Accounts, the people of the network, their missions, the bookkeeping of who is who, and what
emails each account accepts."""

from .people import (
    CONTRIBUTE_PERMISSION,
    MISSION_STATUSES,
    Member,
    MemberQuerySet,
    Mission,
    MissionQuerySet,
    User,
)
from .records import ClaimRequest, MemberMerge
from .subscriptions import (
    EMAIL_KINDS,
    MEMBER_DIGEST,
    ONBOARDING_NUDGE,
    STAFF_DIGEST,
    DigestDelivery,
    EmailPreferences,
)

__all__ = [
    "CONTRIBUTE_PERMISSION",
    "EMAIL_KINDS",
    "MEMBER_DIGEST",
    "ONBOARDING_NUDGE",
    "STAFF_DIGEST",
    "DigestDelivery",
    "EmailPreferences",
    "MISSION_STATUSES",
    "ClaimRequest",
    "Member",
    "MemberMerge",
    "MemberQuerySet",
    "Mission",
    "MissionQuerySet",
    "User",
]
