"""« Relu, rien à changer »: a coach confirms from the weekly digest that a guide is still right.

The digest carries one signed link per guide and coach, valid `FABRIQUE_REVIEW_LINK_DAYS` days.
Opening it only shows a confirmation button (mail scanners follow links: a GET changes nothing);
the POST records the review — today as `last_reviewed_at`, hence a new `next_review_on` — for an
active account that may still edit that guide, and writes « Relu, rien à changer » in the page's
history. No login is asked: the link is the coach's, like the email it came in.

Decision: the review date is written on the live page row without a new revision, so a draft in
progress is neither published nor lost; the latest revision gets the same dates, so publishing
that draft later does not bring the old review date back.
"""

from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import signing
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from wagtail.log_actions import log

from .models import GuidePage

REVIEW_SALT = "fabrique.relecture"
REVIEW_ACTION = "guides.reviewed"


class ReviewRefused(Exception):
    """The link is altered, expired, or its coach may no longer review that guide (French message)."""


def review_token(guide, user) -> str:
    return signing.dumps({"g": guide.pk, "u": user.pk}, salt=REVIEW_SALT)


def review_url(guide, user) -> str:
    """The absolute « Relu, rien à changer » link of `user` for `guide`, for an email."""
    path = reverse("guide_reviewed", args=[review_token(guide, user)])
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def can_review(guide, user) -> bool:
    return user.is_active and guide.permissions_for_user(user).can_edit()


def read_review_token(token: str):
    """The (guide, coach) of a link still valid, or ReviewRefused saying why not."""
    try:
        data = signing.loads(
            token, salt=REVIEW_SALT, max_age=timedelta(days=settings.FABRIQUE_REVIEW_LINK_DAYS)
        )
    except signing.SignatureExpired as error:
        raise ReviewRefused(
            "Ce lien a expiré : marquez la relecture depuis l'administration (Rapports → Guides à relire)."
        ) from error
    except signing.BadSignature as error:
        raise ReviewRefused(
            "Ce lien de relecture n'est pas valide : il est incomplet ou a été modifié."
        ) from error
    guide = GuidePage.objects.filter(pk=data.get("g")).first()
    user = get_user_model().objects.filter(pk=data.get("u")).first()
    if guide is None or user is None:
        raise ReviewRefused("Ce guide ou ce compte n'existe plus.")
    if not can_review(guide, user):
        raise ReviewRefused(
            "Ce compte ne peut plus modifier ce guide : la relecture n'a pas été enregistrée."
        )
    return guide, user


@transaction.atomic
def record_review(guide, user, today=None) -> GuidePage:
    """Today becomes the guide's last review (see the module's decision about drafts)."""
    today = today or timezone.localdate()
    guide = GuidePage.objects.select_for_update().get(pk=guide.pk)
    guide.last_reviewed_at = today
    guide.save(update_fields=["last_reviewed_at"], clean=False)  # save() adds next_review_on
    revision = guide.latest_revision
    if guide.has_unpublished_changes and revision is not None:
        revision.content["last_reviewed_at"] = today.isoformat()
        revision.content["next_review_on"] = guide.next_review_on.isoformat()
        revision.save(update_fields=["content"])
    log(instance=guide, action=REVIEW_ACTION, user=user)
    return guide
