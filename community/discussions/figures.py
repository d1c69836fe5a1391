"""The discussions in figures for /chiffres/: active groups, messages a day, members who post,
resolved questions — overall and per incubator, each against the previous 30 days and, where the
« Espace Membre » seed sets one, its target (200 groups, 5,000 active users, 50 messages a day).

Decisions: a hidden message counts for nothing (moderated content is not activity); counts are
aggregates only, so private groups take part without anything of theirs being shown.
"""

from dataclasses import dataclass
from datetime import timedelta

from django.db.models import Count, Q
from django.utils import timezone

from .models import Message, Thread, ThreadKind

WINDOW = timedelta(days=30)
TARGET_ACTIVE_GROUPS = 200
TARGET_ACTIVE_USERS = 5_000
TARGET_MESSAGES_PER_DAY = 50


@dataclass
class Figure:
    label: str
    value: float
    previous: float
    target: float | None = None

    @property
    def trend(self) -> str:
        if self.value > self.previous:
            return "en hausse"
        if self.value < self.previous:
            return "en baisse"
        return "stable"

    @property
    def percent_of_target(self) -> int | None:
        return round(100 * self.value / self.target) if self.target else None


def _visible(start, end):
    return Message.objects.filter(hidden=False, created_at__gt=start, created_at__lte=end)


def _window_counts(start, end) -> dict:
    messages = _visible(start, end)
    return {
        "groups": messages.values("thread__group").distinct().count(),
        "messages_per_day": round(messages.count() / WINDOW.days, 1),
        "posters": messages.exclude(author=None).values("author").distinct().count(),
        "resolved": resolved_problems(since=start, until=end),
    }


def resolved_problems(since=None, until=None) -> int:
    """Question threads marked resolved (since a date when given): the « problèmes résolus » figure."""
    threads = Thread.objects.filter(kind=ThreadKind.QUESTION, resolved_at__isnull=False)
    if since is not None:
        threads = threads.filter(resolved_at__gt=since)
    if until is not None:
        threads = threads.filter(resolved_at__lte=until)
    return threads.count()


def overall(now=None) -> list[Figure]:
    now = now or timezone.now()
    current = _window_counts(now - WINDOW, now)
    previous = _window_counts(now - 2 * WINDOW, now - WINDOW)
    now_, before = current, previous
    rows = [
        ("Groupes actifs (un message ces 30 derniers jours)", "groups", TARGET_ACTIVE_GROUPS),
        ("Messages par jour (moyenne sur 30 jours)", "messages_per_day", TARGET_MESSAGES_PER_DAY),
        ("Membres qui ont écrit ces 30 derniers jours", "posters", TARGET_ACTIVE_USERS),
        ("Questions résolues ces 30 derniers jours", "resolved", None),
    ]
    return [Figure(label, now_[key], before[key], target) for label, key, target in rows]


def by_incubator(now=None) -> list[dict]:
    """One row per incubator whose groups spoke in the last 60 days (groups without one: « Réseau »)."""
    now = now or timezone.now()
    start, middle = now - 2 * WINDOW, now - WINDOW
    recent = Q(created_at__gt=middle)
    rows = (
        _visible(start, now)
        .values("thread__group__incubator__title")
        .annotate(
            groups=Count("thread__group", filter=recent, distinct=True),
            messages=Count("pk", filter=recent),
            previous_messages=Count("pk", filter=~recent),
            posters=Count("author", filter=recent, distinct=True),
        )
        .order_by("thread__group__incubator__title")
    )
    resolved = dict(
        Thread.objects.filter(kind=ThreadKind.QUESTION, resolved_at__gt=middle, resolved_at__lte=now)
        .values_list("group__incubator__title")
        .annotate(n=Count("pk"))
    )
    return [
        {
            "incubator": row["thread__group__incubator__title"] or "Réseau (sans incubateur)",
            "groups": row["groups"],
            "messages_per_day": round(row["messages"] / WINDOW.days, 1),
            "trend": Figure("", row["messages"], row["previous_messages"]).trend,
            "posters": row["posters"],
            "resolved": resolved.get(row["thread__group__incubator__title"], 0),
        }
        for row in rows
    ]


def discussion_figures(now=None) -> dict:
    return {"overall": overall(now), "by_incubator": by_incubator(now)}
