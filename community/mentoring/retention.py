"""Mentoring requests past their use are deleted: a message between two named members, and a reason.

A request is done with once answered (accepted: the two have each other's address; declined), or
when it stayed unanswered for the whole retention period. After
`FABRIQUE_RETENTION_DAYS["mentoring_requests"]` days from the answer (or from sending, for one
never answered) it goes (`manage.py purge_personal_data`); the mentoring report counts what remains.
"""

from django.db.models import Q

from .models import MentoringRequest


def purge_requests(before) -> int:
    """Delete requests answered before `before`, or sent before it and never answered; how many."""
    stale = Q(answered_at__lt=before) | Q(answered_at=None, created_at__lt=before)
    return MentoringRequest.objects.filter(stale).delete()[0]
