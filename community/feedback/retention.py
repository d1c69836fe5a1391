"""Readers' feedback past its retention limit becomes anonymous: comment and account link erased.

The yes/no answer stays, attached to the page, so satisfaction rates keep their history; what a
reader wrote (which may name someone) and who they were do not. Duration: `FABRIQUE_RETENTION_DAYS`.
"""

from django.db.models import Q

from .models import PageFeedback


def anonymize_feedback(before) -> int:
    """Erase the comment and the account of answers given before `before`; how many changed."""
    stale = PageFeedback.objects.filter(created_at__lt=before).filter(~Q(comment="") | Q(user__isnull=False))
    return stale.update(comment="", user=None)
