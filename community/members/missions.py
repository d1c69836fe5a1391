"""My missions: a member declares or ends a mission; a coach of the startup's incubator validates it.

A declared mission is pending: it shows on the member's own profile only until a coach (or an
administrator) validates it; then it joins the startup page's team, and « alumni » (no running
validated mission) follows from the dates.
"""

from django.db import transaction
from django.utils import timezone

from .coaching import may_review_mission
from .models import Member, Mission


class ReviewRefused(Exception):
    """A review by someone who does not answer for the startup, or of a mission already reviewed."""


def declare_mission(member: Member, form) -> Mission:
    """Save a MissionForm's mission for `member`, pending, at the end of their list."""
    mission = form.save(commit=False)
    mission.member = member
    mission.validation = Mission.PENDING
    mission.startup_ref = getattr(mission.startup, "betagouv_id", "") or getattr(mission.startup, "slug", "")
    mission.sort_order = Mission.objects.filter(member=member).count()
    mission.save()
    return mission


def end_mission(mission: Mission, end) -> Mission:
    mission.end = end
    mission.save(update_fields=["end"])
    return mission


def withdraw_mission(mission: Mission) -> None:
    """A pending mission the member takes back; a validated one is ended, never deleted."""
    if mission.validation == Mission.VALIDATED:
        raise ReviewRefused("Une mission validée se termine, elle ne se retire pas.")
    mission.delete()


@transaction.atomic
def review_mission(mission: Mission, *, approve: bool, by) -> Mission:
    if not may_review_mission(by, mission):
        raise ReviewRefused("Vous ne suivez pas l'incubateur de cette startup.")
    mission = Mission.objects.select_for_update().get(pk=mission.pk)
    if mission.validation != Mission.PENDING:
        raise ReviewRefused("Cette mission a déjà été examinée.")
    mission.validation = Mission.VALIDATED if approve else Mission.REFUSED
    mission.reviewed_by, mission.reviewed_at = by, timezone.now()
    mission.save(update_fields=["validation", "reviewed_by", "reviewed_at"])
    return mission


def missions_of(member: Member):
    return member.missions.select_related("startup", "role").order_by("-start", "-pk")
