"""Searches that found nothing, grouped by query, and the editor's answer: a draft guide titled by it."""

from datetime import timedelta

from django.db import transaction
from django.db.models import Count, Exists, Max, OuterRef
from django.utils import timezone
from django.utils.text import slugify

from resources.guides.models import GuideIndexPage, GuidePage

from .models import HandledQuery, SearchRecord, normalise

PERIODS = {7: "7 derniers jours", 30: "30 derniers jours", 90: "90 derniers jours"}
DEFAULT_PERIOD = 30


def zero_result_queries(days: int = DEFAULT_PERIOD, now=None):
    """One row per query without result over the period: searches, last search, already handled."""
    now = now or timezone.now()
    return (
        SearchRecord.objects.filter(result_count=0, created_at__gte=now - timedelta(days=days))
        .values("query")
        .annotate(
            searches=Count("pk"),
            last_searched=Max("created_at"),
            handled=Exists(HandledQuery.objects.filter(query=OuterRef("query"))),
        )
        .order_by("handled", "-searches", "query")
    )


def guide_section_for(user):
    """The guides section where this user may add a page, or None."""
    section = GuideIndexPage.objects.order_by("path").first()
    if section is None or not section.permissions_for_user(user).can_add_subpage():
        return None
    return section


def _free_slug(section, title: str) -> str:
    base = slugify(title)[:70] or "nouvelle-page"
    slug, suffix = base, 2
    taken = set(section.get_children().values_list("slug", flat=True))
    while slug in taken:
        slug, suffix = f"{base}-{suffix}", suffix + 1
    return slug


@transaction.atomic
def answer_with_draft(query: str, section, user) -> GuidePage:
    """A draft guide titled by the query, in `section`, and the query marked as handled."""
    query = normalise(query)
    title = query[:1].upper() + query[1:]
    guide = GuidePage(title=title, slug=_free_slug(section, title), live=False, owner=user)
    section.add_child(instance=guide)
    guide.save_revision(user=user, log_action=True)
    HandledQuery.objects.update_or_create(query=query, defaults={"page": guide})
    return guide
