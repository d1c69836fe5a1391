"""Writing in a group: who may post, opening a thread, replying, editing, marking resolved.

Decisions:
- only the group's active members post (the group's rule), and never a banned account, anywhere;
- a message is rendered to safe HTML when written (markup.py), so reading costs no rendering;
- an author edits within `EDIT_WINDOW` of posting; the page then marks the message « modifié »;
- the « résolu » mark belongs to question threads and is set by their author or a coordinator;
- the thread's `last_activity_at` moves with each visible message: listings sort on it without
  looking at messages.
"""

from datetime import timedelta

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from core.uploads import validate_upload

from . import notifications
from .markup import render
from .models import Attachment, Message, PostingBan, Thread

EDIT_WINDOW = timedelta(minutes=15)
MESSAGES_PER_PAGE = 50
BANNED_MESSAGE = "Votre compte ne peut plus publier dans les discussions : contactez la modération du site."
NOT_MEMBER_MESSAGE = "Rejoignez le groupe pour participer à ses discussions."


def posting_refusal(group, user) -> str:
    """Why this user may not post in this group, in French; empty when they may."""
    if not getattr(user, "is_authenticated", False):
        return "Connectez-vous pour participer aux discussions."
    if PostingBan.is_banned(user):
        return BANNED_MESSAGE
    if not group.can_post(user):
        return NOT_MEMBER_MESSAGE
    return ""


def _check_can_post(group, user):
    refusal = posting_refusal(group, user)
    if refusal:
        raise PermissionDenied(refusal)


def _attach(message, files):
    for upload in files:
        validate_upload(upload)
        Attachment.objects.create(message=message, file=upload, name=upload.name[:200], size=upload.size)


def _write(thread, user, body, files) -> Message:
    html, mentioned = render(body)
    message = Message.objects.create(thread=thread, author=user, body=body, body_html=html)
    _attach(message, files)
    Thread.objects.filter(pk=thread.pk).update(last_activity_at=message.created_at)
    notifications.message_posted(message, [member.pk for member in mentioned])
    return message


@transaction.atomic
def open_thread(group, user, *, title: str, kind: str, body: str, files=()) -> Thread:
    _check_can_post(group, user)
    now = timezone.now()
    thread = Thread.objects.create(
        group=group, author=user, title=title, kind=kind, created_at=now, last_activity_at=now
    )
    _write(thread, user, body, files)
    return thread


@transaction.atomic
def reply(thread, user, *, body: str, files=()) -> Message:
    _check_can_post(thread.group, user)
    return _write(thread, user, body, files)


def can_edit(message, user) -> bool:
    return (
        getattr(user, "is_authenticated", False)
        and message.author_id == user.pk
        and not message.hidden
        and timezone.now() - message.created_at <= EDIT_WINDOW
        and not posting_refusal(message.thread.group, user)
    )


@transaction.atomic
def edit(message, user, *, body: str) -> Message:
    if not can_edit(message, user):
        raise PermissionDenied("Ce message ne peut plus être modifié.")
    message.body = body
    message.body_html, _ = render(body)  # mentions notify once, when first posted
    message.edited_at = timezone.now()
    message.save(update_fields=["body", "body_html", "edited_at"])
    return message


def can_resolve(thread, user) -> bool:
    if not thread.is_question or not getattr(user, "is_authenticated", False):
        return False
    return thread.author_id == user.pk or thread.group.is_coordinator(user)


def set_resolved(thread, user, resolved: bool) -> Thread:
    if not can_resolve(thread, user):
        raise PermissionDenied(
            "Seuls l'auteur de la question et la coordination du groupe la marquent résolue."
        )
    thread.resolved_at = timezone.now() if resolved else None
    thread.resolved_by = user if resolved else None
    thread.save(update_fields=["resolved_at", "resolved_by"])
    return thread


def page_count(message_count: int) -> int:
    return max(1, -(-message_count // MESSAGES_PER_PAGE))
