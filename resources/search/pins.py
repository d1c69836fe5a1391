"""Editors' pinned results: the pages shown first for a recurring query, if the reader may read them."""

from wagtail.models import Page

from core.visibility import readable

from .models import PinnedResult, normalise


def pinned_pages(query: str, user) -> list:
    """The live pages pinned to this query that `user` may read, in the editors' order."""
    ordered = list(
        PinnedResult.objects.filter(query=normalise(query))
        .order_by("sort_order", "pk")
        .values_list("page_id", flat=True)
    )
    if not ordered:
        return []
    pages = readable(Page.objects.filter(pk__in=ordered), user).specific().in_bulk()
    return [pages[pk] for pk in ordered if pk in pages]
