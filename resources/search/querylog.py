"""The search log: each site search written without personal data, its click, and its purge.

What is kept: the normalised query, the result count, the facets used, the searcher's role when
logged in (never the account), and which result was opened. Not kept: who, from where, the session.
Only the first page of a search is a search; turning pages or the autocomplete are not logged.
"""

from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.db import DEFAULT_DB_ALIAS
from django.utils import timezone

from wagtail.models import Page

from community.members.models import Member
from core.visibility import readable

from .models import SearchRecord, normalise

CLICK_SALT = "fabrique.search.click"
CLICK_MAX_AGE = 60 * 60 * 24  # a results page opened yesterday may still report its click


def searcher_role(user) -> str:
    """The first role (in the vocabulary's order) of a logged-in searcher; "" for a visitor."""
    if not user.is_authenticated:
        return ""
    member = Member.objects.filter(user=user).first()
    role = member.roles.order_by("order", "name").first() if member else None
    return role.name if role else "membre sans rôle"


def used_facets(search) -> dict:
    return {param: sorted(values) for param, values in search.selected.items() if values}


def record_search(search, request, result_count: int) -> SearchRecord | None:
    """Log one search (first page only); None when there is nothing to log."""
    if not search.query or request.GET.get("page", "1") != "1":
        return None
    # Written on the primary by name: a log row is bookkeeping, and going through the router would
    # send the rest of this request's reads (results, menu) to the primary too (core/replica.py).
    return SearchRecord.objects.using(DEFAULT_DB_ALIAS).create(
        query=normalise(search.query),
        result_count=result_count,
        facets=used_facets(search),
        role=searcher_role(request.user),
    )


def click_token(record: SearchRecord | None) -> str:
    """What the results page hands its script: the record, signed, so no other row can be touched."""
    return signing.dumps(record.pk, salt=CLICK_SALT) if record else ""


def record_click(token: str, page_id, user) -> bool:
    """Note the first result opened from a search; False when the token or the page is not valid."""
    try:
        record_id = signing.loads(token, salt=CLICK_SALT, max_age=CLICK_MAX_AGE)
        page_id = int(page_id)
    except (signing.BadSignature, TypeError, ValueError):
        return False
    if not readable(Page.objects.filter(pk=page_id), user).exists():
        return False
    return bool(
        SearchRecord.objects.filter(pk=record_id, clicked_page__isnull=True).update(clicked_page=page_id)
    )


def purge_search_log(now=None) -> int:
    """Delete searches older than `FABRIQUE_SEARCH_LOG_DAYS`; how many were deleted."""
    now = now or timezone.now()
    before = now - timedelta(days=settings.FABRIQUE_SEARCH_LOG_DAYS)
    return SearchRecord.objects.filter(created_at__lt=before).delete()[0]
