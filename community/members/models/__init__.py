"""Accounts, the people of the network, their missions, and the bookkeeping of who is who."""

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

__all__ = [
    "CONTRIBUTE_PERMISSION",
    "MISSION_STATUSES",
    "ClaimRequest",
    "Member",
    "MemberMerge",
    "MemberQuerySet",
    "Mission",
    "MissionQuerySet",
    "User",
]
