"""Optional emails (digests, reminders): who wants which, one-click unsubscribe, one per period.

Decisions:
- no preferences row means the defaults (coaches' digest and reminders on, members' digest off):
  nothing is written for people who never touch their settings;
- an unsubscribe link is a signed token (user and kind) that never expires: RFC 8058 asks that
  the link in `List-Unsubscribe` keeps working, and it can only turn an email *off*;
- `claim_period` writes the delivery row before the email is queued, in the same transaction, so
  a scheduler run twice in the same period sends nothing new.
"""

from django.conf import settings
from django.core import signing
from django.db import IntegrityError, transaction
from django.urls import reverse

from .groups import COACHS, MODERATEURS
from .models import EMAIL_KINDS, DigestDelivery, EmailPreferences

UNSUBSCRIBE_SALT = "fabrique.desabonnement"
# Who reviews and moderates, so who is offered the weekly staff digest.
STAFF_DIGEST_GROUPS = (COACHS, MODERATEURS)
KIND_LABELS = dict(EMAIL_KINDS)


class InvalidUnsubscribeLink(Exception):
    """The token was altered, or names an email kind we do not send."""


def preferences_of(user) -> EmailPreferences:
    """The account's preferences; the defaults (unsaved) when it never changed them."""
    try:
        return user.email_preferences
    except EmailPreferences.DoesNotExist:
        return EmailPreferences(user=user)


def is_digest_staff(user) -> bool:
    return user.groups.filter(name__in=STAFF_DIGEST_GROUPS).exists()


def site_url(path: str) -> str:
    """An absolute address for an email (WAGTAILADMIN_BASE_URL is the site's public address)."""
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def unsubscribe_token(user, kind: str) -> str:
    return signing.dumps({"u": user.pk, "k": kind}, salt=UNSUBSCRIBE_SALT)


def read_unsubscribe_token(token: str) -> tuple[int, str]:
    try:
        data = signing.loads(token, salt=UNSUBSCRIBE_SALT)
    except signing.BadSignature as error:
        raise InvalidUnsubscribeLink from error
    if not isinstance(data, dict) or data.get("k") not in KIND_LABELS or not isinstance(data.get("u"), int):
        raise InvalidUnsubscribeLink
    return data["u"], data["k"]


def unsubscribe_url(user, kind: str) -> str:
    return site_url(reverse("email_unsubscribe", args=[unsubscribe_token(user, kind)]))


def list_unsubscribe_headers(user, kind: str) -> dict[str, str]:
    """RFC 2369 and RFC 8058 headers: mail clients offer « Se désabonner » and POST to the link."""
    return {
        "List-Unsubscribe": f"<{unsubscribe_url(user, kind)}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }


def unsubscribe(user, kind: str) -> EmailPreferences:
    """Turn one kind of email off for this account (again: no effect)."""
    preferences = preferences_of(user)
    setattr(preferences, EmailPreferences.FIELD_OF_KIND[kind], False)
    preferences.save()
    return preferences


def last_delivery(user, kind: str) -> DigestDelivery | None:
    return DigestDelivery.objects.filter(user=user, kind=kind).order_by("-sent_at", "-pk").first()


def delivered_users(kind: str, period: str) -> set[int]:
    """Accounts that already got this kind of email for this period (one query for a whole run)."""
    return set(DigestDelivery.objects.filter(kind=kind, period=period).values_list("user_id", flat=True))


def claim_period(user, kind: str, period: str, now, items: int = 0) -> bool:
    """Record the delivery; False when this account already had it for this period.

    Call inside the transaction that sends the email: a rolled-back send leaves no row behind.
    """
    try:
        with transaction.atomic():
            DigestDelivery.objects.create(user=user, kind=kind, period=period, sent_at=now, items=items)
    except IntegrityError:
        return False
    return True
