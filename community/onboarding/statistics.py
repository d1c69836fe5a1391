"""For editors: how many members started and finished each path, and where the others stopped."""

from collections import defaultdict
from dataclasses import dataclass

from .models.paths import OnboardingPathPage
from .models.steps import OnboardingProgress, OnboardingStep
from .progress import required_steps, sort_steps


@dataclass
class PathStatistics:
    """For editors: how many users started and finished a path, and where the others stopped."""

    path: OnboardingPathPage
    started: int
    finished: int
    stops: list  # [(step, count)] in step order, only steps where someone stopped

    @property
    def kind(self):
        """« Arrivée » or « Départ », for the report and its download."""
        return self.path.get_kind_display()

    @property
    def in_progress(self):
        return self.started - self.finished


def path_statistics(paths=None):
    """Statistics for the given paths (default: all), in three queries whatever the number of users."""
    paths = list(paths if paths is not None else OnboardingPathPage.objects.order_by("title"))
    steps_by_path = defaultdict(list)
    for step in OnboardingStep.objects.filter(page__in=paths):
        steps_by_path[step.page_id].append(step)
    done = defaultdict(lambda: defaultdict(set))  # path_id -> user_id -> {step_id}
    for path_id, user_id, step_id in OnboardingProgress.objects.filter(path__in=paths).values_list(
        "path_id", "user_id", "step_id"
    ):
        done[path_id][user_id].add(step_id)
    results = []
    for path in paths:
        steps = sort_steps(steps_by_path[path.pk])
        required = required_steps(steps)
        finished = 0
        stop_counts = defaultdict(int)
        for done_ids in done[path.pk].values():
            stop = next((step for step in required if step.pk not in done_ids), None)
            if stop is None:
                finished += 1
            else:
                stop_counts[stop.pk] += 1
        stops = [(step, stop_counts[step.pk]) for step in steps if stop_counts[step.pk]]
        results.append(PathStatistics(path=path, started=len(done[path.pk]), finished=finished, stops=stops))
    return results
