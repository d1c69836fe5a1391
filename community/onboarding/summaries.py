"""Every path a member started or is expected to follow, with their progress (profile, "Mes parcours")."""

from collections import defaultdict

from .models.paths import OnboardingPathPage
from .models.steps import OnboardingProgress, OnboardingStep
from .progress import PathProgress, sort_steps


def progress_summary(user, include_role_paths=True):
    """Every path the user started, plus (optionally) the paths of their member roles, in 5 queries."""
    if not user.is_authenticated:
        return []
    rows = OnboardingProgress.objects.filter(user=user).values_list("path_id", "step_id")
    done_by_path = defaultdict(set)
    for path_id, step_id in rows:
        done_by_path[path_id].add(step_id)
    paths = OnboardingPathPage.objects.live().public().filter(pk__in=done_by_path.keys())
    if include_role_paths:
        member = getattr(user, "member", None)  # the reverse one-to-one raises AttributeError if absent
        if member is not None:
            role_paths = OnboardingPathPage.objects.live().public().filter(roles__members=member)
            paths = paths | role_paths
    paths = list(paths.distinct().order_by("title"))
    steps_by_path = defaultdict(list)
    for step in OnboardingStep.objects.filter(page__in=paths):
        steps_by_path[step.page_id].append(step)
    return [
        PathProgress(path=path, steps=sort_steps(steps_by_path[path.pk]), done_ids=done_by_path[path.pk])
        for path in paths
    ]
