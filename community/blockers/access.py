"""Who sees a startup's blockers: its team (members with a validated, running mission on it) and the
coaches of its incubator. Nobody else — not anonymous visitors, not other members, not the search,
the API nor the feeds (declared blockers are neither pages nor indexed)."""

from django.db.models import Q

from community.members.coaching import coached_incubator_ids
from community.members.models import Member, Mission

from .models import DeclaredBlocker


def team_missions(user):
    """The user's validated, running missions on a startup: what makes them part of its team."""
    if not user.is_authenticated:
        return Mission.objects.none()
    return Mission.objects.validated().running().filter(member__user=user, startup__isnull=False)


def team_startup_ids(user) -> set[int]:
    return set(team_missions(user).values_list("startup_id", flat=True))


def visible_declarations(user):
    if not user.is_authenticated:
        return DeclaredBlocker.objects.none()
    return DeclaredBlocker.objects.filter(
        Q(startup_id__in=team_startup_ids(user)) | Q(startup__incubator_id__in=coached_incubator_ids(user))
    ).select_related("blocker", "startup", "declared_by", "closed_by")


def may_act(user, declared: DeclaredBlocker) -> bool:
    """Marking recommendations and closing a blocker is the team's own work, not its coaches'."""
    return declared.startup_id in team_startup_ids(user)


def member_of(user) -> Member | None:
    return Member.objects.filter(user=user).first() if user.is_authenticated else None
