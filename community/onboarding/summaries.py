"""Every path a member started or is expected to follow, with their progress (profile, "Mes parcours")."""

from collections import defaultdict

from django.db.models import Q

from core.taxonomy.models import Role

from .incubators import member_incubator, paths_for
from .models.paths import OnboardingPathPage
from .models.steps import ARRIVAL, OnboardingProgress, OnboardingStep
from .progress import PathProgress, sort_steps


def progress_summary(user, include_role_paths=True, kind=None):
    """Every path the user started (of `kind`, any when None), plus (optionally) the arrival paths of
    their roles (profile and running missions) — their incubator's own, else the network's."""
    if not user.is_authenticated:
        return []
    rows = OnboardingProgress.objects.filter(user=user)
    if kind is not None:
        rows = rows.filter(path__kind=kind)
    done_by_path = defaultdict(set)
    for path_id, step_id in rows.values_list("path_id", "step_id"):
        done_by_path[path_id].add(step_id)
    paths = {
        path.pk: path
        for path in OnboardingPathPage.objects.live().public().filter(pk__in=done_by_path.keys())
    }
    if include_role_paths and kind in (None, ARRIVAL):
        member = getattr(user, "member", None)  # the reverse one-to-one raises AttributeError if absent
        roles = []
        if member is not None:  # the profile's roles and those of the running missions
            mission_roles = member.missions.running().exclude(role=None).values("role_id")
            roles = list(Role.objects.filter(Q(members=member) | Q(pk__in=mission_roles)).distinct())
        if roles:
            incubator = member_incubator(member)
            for role in roles:
                paths.update((path.pk, path) for path in paths_for(role, ARRIVAL, incubator, user))
    ordered = sorted(paths.values(), key=lambda path: (path.title, path.pk))
    steps_by_path = defaultdict(list)
    for step in OnboardingStep.objects.filter(page__in=ordered):
        steps_by_path[step.page_id].append(step)
    return [
        PathProgress(path=path, steps=sort_steps(steps_by_path[path.pk]), done_ids=done_by_path[path.pk])
        for path in ordered
    ]
