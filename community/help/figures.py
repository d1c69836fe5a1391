"""« Problèmes résolus »: the help router's share of the community's impact measures (/chiffres/)."""

from datetime import datetime

from .models import HelpOutcome


def resolved_problems(since=None) -> int:
    """How many « ça m'a aidé » answers were given (on or after the date `since`, when given)."""
    answers = HelpOutcome.objects.filter(helped=True)
    if isinstance(since, datetime):
        since = since.date()
    if since is not None:
        answers = answers.filter(answered_on__gte=since)
    return answers.count()
