"""Figures of the blockers: closed blockers count as « problèmes résolus » (key figures, reports)."""

from .models import DeclaredBlocker


def resolved_problems(since=None) -> int:
    """Blockers teams closed, in all or since `since` (a datetime)."""
    closed = DeclaredBlocker.objects.closed()
    if since is not None:
        closed = closed.filter(closed_at__gte=since)
    return closed.count()
