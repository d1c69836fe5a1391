"""Who answers for whom: a coach acts on the members, missions and claims of their incubators.

An administrator (or a superuser) acts on everyone. A coach's incubators are those an administrator
set on their profile (`Member.coached_incubators`). A member belongs to an incubator through a
mission, validated or not, on one of its startups: that is how a pending mission reaches its coach.
"""

from django.db.models import QuerySet

from .groups import ADMINISTRATEURS, COACHS
from .models import ClaimRequest, Member, Mission


def is_administrator(user) -> bool:
    return user.is_active and (user.is_superuser or user.groups.filter(name=ADMINISTRATEURS).exists())


def is_community_lead(user) -> bool:
    """Coaches and administrators read the community's figures (mentoring matches, health)."""
    return user.is_active and (
        user.is_superuser or user.groups.filter(name__in=[COACHS, ADMINISTRATEURS]).exists()
    )


def coached_incubator_ids(user) -> list[int]:
    """The incubators a coach answers for (none for anyone outside the Coachs group)."""
    if not user.is_authenticated or not user.groups.filter(name=COACHS).exists():
        return []
    return list(
        Member.coached_incubators.through.objects.filter(member__user=user).values_list(
            "incubatorpage_id", flat=True
        )
    )


def missions_in_scope(user) -> QuerySet[Mission]:
    if is_administrator(user):
        return Mission.objects.all()
    return Mission.objects.filter(startup__incubator_id__in=coached_incubator_ids(user))


def members_in_scope(user) -> QuerySet[Member]:
    if is_administrator(user):
        return Member.objects.all()
    return Member.objects.filter(pk__in=missions_in_scope(user).values("member_id"))


def claims_in_scope(user) -> QuerySet[ClaimRequest]:
    if is_administrator(user):
        return ClaimRequest.objects.all()
    return ClaimRequest.objects.filter(member__in=members_in_scope(user).values("pk"))


def may_review_mission(user, mission: Mission) -> bool:
    return missions_in_scope(user).filter(pk=mission.pk).exists()


def may_decide_claim(user, claim: ClaimRequest) -> bool:
    return claims_in_scope(user).filter(pk=claim.pk).exists()
