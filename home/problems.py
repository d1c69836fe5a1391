"""« Problèmes résolus »: the community's impact figure (Communauté XP seed), summed over every app
that solves problems — a question marked resolved in a group, a blocker a team closed, a routed
situation where the help worked. Each app counts its own; this module only adds them up."""

from datetime import timedelta

from django.utils import timezone

from community.blockers import figures as blockers
from community.discussions import figures as discussions
from community.help import figures as help_router

WINDOW = timedelta(days=30)

# (label, count(since=None) -> int), in the order the page shows them.
SOURCES = [
    ("Questions résolues dans les groupes", discussions.resolved_problems),
    ("Blocages levés par les équipes des startups", blockers.resolved_problems),
    ("Situations où « Vers qui me tourner ? » a aidé", help_router.resolved_problems),
]


def resolved_problems(now=None) -> dict:
    """Per source and in total: all time and over the last 30 days."""
    since = (now or timezone.now()) - WINDOW
    rows = [{"label": label, "total": count(), "recent": count(since=since)} for label, count in SOURCES]
    return {
        "rows": rows,
        "total": sum(row["total"] for row in rows),
        "recent": sum(row["recent"] for row in rows),
    }
