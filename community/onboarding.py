"""Onboarding logic: step order, a user's progress, ticking steps, the arrival choice and statistics.

Views, template tags and the admin report all call these functions, so the rules live in one place:
- steps are read by moment (premier jour, semaine, mois), then in the editors' order;
- a path is *finished* when every essential step is done (every step if none is marked essential);
- a member who started without finishing *stops at* the first required step not done, in order.
"""

from collections import defaultdict
from dataclasses import dataclass, field

from django.apps import apps
from django.db import IntegrityError, transaction

from wagtail.models import Page

from home.models import Role

from .models.onboarding import MOMENT_ORDER, MOMENTS, OnboardingPathPage, OnboardingProgress, OnboardingStep

# HOOK(incubators): the incubator model built on another branch; the landing offers the choice
# only once it exists. Nothing is faked meanwhile.
INCUBATOR_MODEL = "community.Incubator"


class StepNotFound(Exception):
    """The step does not exist or belongs to another path."""


def sort_steps(steps):
    return sorted(
        steps,
        key=lambda step: (MOMENT_ORDER.get(step.moment, len(MOMENTS)), step.sort_order or 0, step.pk or 0),
    )


def ordered_steps(path):
    return sort_steps(path.steps.all())


def required_steps(steps):
    """The steps that make a path finished: the essential ones, or all of them if none is essential."""
    essential = [step for step in steps if step.essential]
    return essential or list(steps)


@dataclass
class PathProgress:
    """Where a user stands on a path; the figures a progress bar and a summary need."""

    path: OnboardingPathPage
    steps: list
    done_ids: set = field(default_factory=set)

    @property
    def total(self):
        return len(self.steps)

    @property
    def done(self):
        return sum(1 for step in self.steps if step.pk in self.done_ids)

    @property
    def percent(self):
        return round(100 * self.done / self.total) if self.total else 0

    @property
    def essential_total(self):
        return sum(1 for step in self.steps if step.essential)

    @property
    def essential_done(self):
        return sum(1 for step in self.steps if step.essential and step.pk in self.done_ids)

    @property
    def started(self):
        return self.done > 0

    @property
    def finished(self):
        return bool(self.steps) and all(step.pk in self.done_ids for step in required_steps(self.steps))

    @property
    def next_step(self):
        return next((step for step in self.steps if step.pk not in self.done_ids), None)

    def moments(self):
        """Steps grouped by moment, in order, skipping empty moments: [(key, label, [step, ...]), ...]."""
        groups = defaultdict(list)
        for step in self.steps:
            groups[step.moment].append(step)
        return [(key, label, groups[key]) for key, label in MOMENTS if groups[key]]

    def as_dict(self):
        return {
            "done": self.done,
            "total": self.total,
            "percent": self.percent,
            "finished": self.finished,
            "essential_done": self.essential_done,
            "essential_total": self.essential_total,
        }


def attach_links(steps, request=None):
    """Set `step.link_items` ({label, url, external}) for every step, resolving page links in one query.

    Unpublished or deleted pages are left out rather than linked to a 404.
    """
    # A list, not a dict: unsaved steps (in a preview) are not hashable.
    raw = [(step, [item.get("value") or {} for item in step.links.raw_data]) for step in steps]
    page_ids = {value.get("page") for _, values in raw for value in values if value.get("page")}
    pages = {page.pk: page for page in Page.objects.live().public().filter(pk__in=page_ids)}
    for step, values in raw:
        items = []
        for value in values:
            page = pages.get(value.get("page"))
            if page is not None:
                items.append(
                    {
                        "label": value.get("label") or page.title,
                        "url": page.get_url(request),
                        "external": False,
                    }
                )
            elif value.get("url") and not value.get("page"):
                items.append(
                    {"label": value.get("label") or value["url"], "url": value["url"], "external": True}
                )
        step.link_items = items
    return steps


def done_step_ids(user, path):
    if not user.is_authenticated:
        return set()
    return set(OnboardingProgress.objects.filter(user=user, path=path).values_list("step_id", flat=True))


def progress_for(path, user):
    return PathProgress(path=path, steps=ordered_steps(path), done_ids=done_step_ids(user, path))


def set_step_done(user, path, step_id, done):
    """Tick or untick one of the path's steps for this user; refuses a step of another path."""
    step = OnboardingStep.objects.filter(pk=step_id, page=path).first()
    if step is None:
        raise StepNotFound(step_id)
    if done:
        try:
            with transaction.atomic():
                OnboardingProgress.objects.get_or_create(user=user, path=path, step=step)
        except IntegrityError:
            pass  # a double click raced us: the step is done either way
    else:
        OnboardingProgress.objects.filter(user=user, step=step).delete()
    return progress_for(path, user)


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


@dataclass
class PathStatistics:
    """For editors: how many users started and finished a path, and where the others stopped."""

    path: OnboardingPathPage
    started: int
    finished: int
    stops: list  # [(step, count)] in step order, only steps where someone stopped

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


def paths_for_role(role, incubator=None):
    """Live paths serving a role. HOOK(incubators): prefer the incubator's own paths once they exist."""
    return list(OnboardingPathPage.objects.live().public().filter(roles=role).order_by("title"))


def incubator_choices():
    """Incubators offered on the landing, empty until the incubator model is merged in."""
    try:
        model = apps.get_model(INCUBATOR_MODEL)
    except LookupError:
        return []
    return list(model.objects.all())


def roles_for_arrival():
    return list(Role.objects.order_by("order", "name"))
