"""Who hears about a new message, and when: at once, in the daily digest, or never.

Decisions:
- a mention and a reply in one's own thread notify at once unless the member turned them off;
  a group notifies at once, daily (the default for the group's members) or never, per member;
- every email is worked out by a background task after the message is committed, and each
  recipient is checked against the group's reading rule at that moment: nobody ever receives a
  message they may not read (a private group they left, a hidden message);
- one email per recipient and message, whatever the number of reasons; each carries a signed
  unsubscribe link (no login needed, never expires) that turns that one reason off.
"""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.core import signing
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from django_tasks import task

from community.groups.models import Group, Membership
from community.members.models import Member
from community.members.subscriptions import site_url

from .models import Frequency, GroupNotification, Message, PersonalNotification

UNSUBSCRIBE_SALT = "fabrique.discussions.desabonnement"
MENTIONS, REPLIES, GROUP_PREFIX = "mentions", "reponses", "groupe:"
DIGEST_PERIOD = timedelta(days=1)


class InvalidUnsubscribeLink(Exception):
    """The token was altered or names nothing we send."""


def unsubscribe_token(user, scope: str) -> str:
    return signing.dumps({"u": user.pk, "s": scope}, salt=UNSUBSCRIBE_SALT)


def read_unsubscribe_token(token: str) -> tuple[int, str]:
    try:
        data = signing.loads(token, salt=UNSUBSCRIBE_SALT)
    except signing.BadSignature as error:
        raise InvalidUnsubscribeLink from error
    scope = data.get("s") if isinstance(data, dict) else None
    valid_scope = scope in (MENTIONS, REPLIES) or (
        isinstance(scope, str) and scope.startswith(GROUP_PREFIX) and scope[len(GROUP_PREFIX) :].isdigit()
    )
    if not valid_scope or not isinstance(data.get("u"), int):
        raise InvalidUnsubscribeLink
    return data["u"], scope


def scope_label(scope: str) -> str:
    if scope == MENTIONS:
        return "les courriels quand on vous mentionne"
    if scope == REPLIES:
        return "les courriels quand on répond à vos fils"
    group = Group.objects.filter(pk=int(scope[len(GROUP_PREFIX) :])).first()
    return f"les courriels du groupe « {group} »" if group else "les courriels d'un groupe"


def unsubscribe(user, scope: str) -> None:
    if scope in (MENTIONS, REPLIES):
        personal = personal_of(user)
        setattr(personal, "mentions" if scope == MENTIONS else "replies", False)
        personal.save()
        return
    group = Group.objects.filter(pk=int(scope[len(GROUP_PREFIX) :])).first()
    if group is not None:
        GroupNotification.objects.update_or_create(
            user=user, group=group, defaults={"frequency": Frequency.NONE}
        )


def personal_of(user) -> PersonalNotification:
    """The member's choices; the defaults (unsaved: both on) when never changed."""
    try:
        return user.discussion_notifications
    except PersonalNotification.DoesNotExist:
        return PersonalNotification(user=user)


def frequency_of(user, group) -> str:
    """The member's choice for this group: a daily digest by default for its active members."""
    choice = GroupNotification.objects.filter(user=user, group=group).first()
    if choice is not None:
        return choice.frequency
    return Frequency.DAILY if group.is_active_member(user) else Frequency.NONE


def message_posted(message, mentioned_member_ids: list[int]) -> None:
    """Once the message is committed, the background queue works out and sends its emails."""
    transaction.on_commit(lambda: notify_message.enqueue(message.pk, mentioned_member_ids))


def _may_receive(user, group) -> bool:
    return user.is_active and bool(user.email) and group.can_read(user)


def recipients_of(message, mentioned_member_ids) -> dict:
    """user -> the scope of the email they get for this message (mention, reply, then group)."""
    thread, author_id = message.thread, message.author_id
    reasons = {}
    for subscription in GroupNotification.objects.filter(
        group=thread.group, frequency=Frequency.EVERY_MESSAGE
    ).select_related("user"):
        reasons[subscription.user] = GROUP_PREFIX + str(thread.group_id)
    if thread.author is not None and personal_of(thread.author).replies:
        reasons[thread.author] = REPLIES
    members = Member.objects.filter(pk__in=mentioned_member_ids, user__isnull=False).select_related("user")
    for member in members:
        if personal_of(member.user).mentions:
            reasons[member.user] = MENTIONS
    return {
        user: scope
        for user, scope in reasons.items()
        if user.pk != author_id and _may_receive(user, thread.group)
    }


def _send(user, subject: str, template: str, context: dict, scope: str) -> None:
    unsubscribe_url = site_url(
        reverse("discussions:unsubscribe", kwargs={"token": unsubscribe_token(user, scope)})
    )
    context = {**context, "user": user, "unsubscribe_url": unsubscribe_url, "scope_label": scope_label(scope)}
    email = EmailMultiAlternatives(
        subject=subject,
        body=render_to_string(template, context),
        to=[user.email],
        headers={
            "List-Unsubscribe": f"<{unsubscribe_url}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
    )
    email.send()


@task()
def notify_message(message_id: int, mentioned_member_ids: list[int]) -> int:
    """Email a new message to those who asked for it and may read it; returns how many were sent."""
    message = (
        Message.objects.filter(pk=message_id, hidden=False)
        .select_related("thread__group", "thread__author", "author")
        .first()
    )
    if message is None:
        return 0
    recipients = recipients_of(message, mentioned_member_ids)
    subjects = {
        MENTIONS: "Vous êtes mentionné·e dans « {title} »",
        REPLIES: "Nouvelle réponse à votre fil « {title} »",
    }
    url = site_url(message.thread.get_absolute_url())
    for user, scope in recipients.items():
        subject = subjects.get(scope, "Nouveau message dans « {title} »").format(title=message.thread.title)
        context = {"message": message, "thread": message.thread, "group": message.thread.group, "url": url}
        _send(user, subject, "discussions/emails/message.txt", context, scope)
    return len(recipients)


def digest_recipients():
    """(user, group) pairs owed a daily digest: active members by default, or those who asked."""
    chosen = {
        (choice.user_id, choice.group_id): choice.frequency for choice in GroupNotification.objects.all()
    }
    pairs = set()
    for membership in Membership.objects.filter(status=Membership.Status.ACTIVE).values(
        "user_id", "group_id"
    ):
        key = (membership["user_id"], membership["group_id"])
        if chosen.get(key, Frequency.DAILY) == Frequency.DAILY:
            pairs.add(key)
    pairs |= {key for key, frequency in chosen.items() if frequency == Frequency.DAILY}
    return sorted(pairs)


def digest_messages(user, group, since):
    """The visible messages of the group since `since` that this user did not write."""
    return (
        Message.objects.filter(thread__group=group, hidden=False, created_at__gt=since)
        .exclude(author=user)
        .select_related("thread", "author")
        .order_by("thread__pk", "created_at")
    )


def send_daily_digests(now=None) -> int:
    """One email per member gathering each group's new messages of the day; returns emails sent."""
    now = now or timezone.now()
    users = get_user_model().objects.in_bulk({user_id for user_id, _ in digest_recipients()})
    groups = Group.objects.in_bulk({group_id for _, group_id in digest_recipients()})
    sent = 0
    for user_id, group_id in digest_recipients():
        user, group = users[user_id], groups[group_id]
        choice, _ = GroupNotification.objects.get_or_create(user=user, group=group)
        since = choice.digested_until or now - DIGEST_PERIOD
        if since > now - timedelta(hours=23):  # already sent today: a second run sends nothing
            continue
        messages = list(digest_messages(user, group, since)) if _may_receive(user, group) else []
        choice.digested_until = now
        choice.save(update_fields=["digested_until"])
        if not messages:
            continue
        context = {
            "group": group,
            "messages": messages,
            "url": site_url(reverse("discussions:threads", kwargs={"slug": group.slug})),
        }
        _send(
            user,
            f"Les discussions du jour dans « {group} »",
            "discussions/emails/digest.txt",
            context,
            GROUP_PREFIX + str(group.pk),
        )
        sent += 1
    return sent
