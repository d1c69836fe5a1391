"""A call's status, computed from its dates: « à venir » before opening, « ouvert » until the deadline
(the whole deadline day included), « clos » after. Never stored, so it cannot go stale."""

import datetime

from django.db.models import Q
from django.utils import timezone

UPCOMING, OPEN, CLOSED = "a-venir", "ouvert", "clos"
STATUS_LABELS = {UPCOMING: "À venir", OPEN: "Ouvert", CLOSED: "Clos"}
# DSFR badge colours per status.
STATUS_BADGES = {UPCOMING: "info", OPEN: "success", CLOSED: "new"}


def status_for(opens_on: datetime.date, deadline: datetime.date, today: datetime.date | None = None) -> str:
    today = today or timezone.localdate()
    if today < opens_on:
        return UPCOMING
    if today <= deadline:
        return OPEN
    return CLOSED


def status_filter(status: str, today: datetime.date | None = None) -> Q:
    """The same rule as `status_for`, for a queryset of calls."""
    today = today or timezone.localdate()
    if status == UPCOMING:
        return Q(opens_on__gt=today)
    if status == OPEN:
        return Q(opens_on__lte=today, deadline__gte=today)
    return Q(deadline__lt=today)
