"""Reports and moderation: any member reports a message; coordinators and site moderators hide or
restore it, and each decision is kept with its reason.

A hidden message stays in the database (the history needs it) but leaves every surface: the thread
page shows only that it was hidden, search and digests skip it, and no email is sent for it.
"""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from community.groups.models import is_member

from .models import ModerationAction, Report


def can_report(message, user) -> bool:
    return is_member(user) and message.author_id != user.pk and message.thread.group.can_read(user)


def report(message, user, reason: str) -> Report:
    if not can_report(message, user):
        raise PermissionDenied("Vous ne pouvez pas signaler ce message.")
    return Report.objects.create(message=message, reporter=user, reason=reason)


@transaction.atomic
def set_hidden(message, moderator, *, hidden: bool, reason: str) -> ModerationAction:
    """Hide or restore the message, keeping the decision and its reason in the history."""
    if not message.thread.group.can_moderate(moderator):
        raise PermissionDenied(
            "Seules la coordination du groupe et la modération du site masquent un message."
        )
    now = timezone.now()
    message.hidden = hidden
    message.hidden_at = now if hidden else None
    message.hidden_by = moderator if hidden else None
    message.hidden_reason = reason if hidden else ""
    message.save(update_fields=["hidden", "hidden_at", "hidden_by", "hidden_reason"])
    message.reports.filter(handled_at__isnull=True).update(handled_at=now)
    action = ModerationAction.Action.HIDE if hidden else ModerationAction.Action.RESTORE
    return ModerationAction.objects.create(message=message, moderator=moderator, action=action, reason=reason)
