"""Where a member stands on one path: step order, ticking steps, what is done and what comes next.

Pages, template tags and the admin report all call these functions, so the rules live in one place:
- steps are read by moment (premier jour, semaine, mois), then in the editors' order;
- a path is *finished* when every essential step is done (every step if none is marked essential);
- a member who started without finishing *stops at* the first required step not done, in order.

They read a path's steps and ticks through its relations (`path.steps`, `path.progress`), so the
path page's routes can call them without this module importing the page model.
"""

from collections import defaultdict
from dataclasses import dataclass, field

from django.db import IntegrityError, transaction

from wagtail.models import Page

from .models.steps import MOMENT_ORDER, MOMENTS


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

    path: object  # the OnboardingPathPage
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
    return set(path.progress.filter(user=user).values_list("step_id", flat=True))


def progress_for(path, user):
    return PathProgress(path=path, steps=ordered_steps(path), done_ids=done_step_ids(user, path))


def set_step_done(user, path, step_id, done):
    """Tick or untick one of the path's steps for this user; refuses a step of another path."""
    step = path.steps.filter(pk=step_id).first()
    if step is None:
        raise StepNotFound(step_id)
    if done:
        try:
            with transaction.atomic():
                path.progress.get_or_create(user=user, step=step)
        except IntegrityError:
            pass  # a double click raced us: the step is done either way
    else:
        step.progress.filter(user=user).delete()
    return progress_for(path, user)
