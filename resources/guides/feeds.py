"""Feeds of new and updated guide pages (RSS 2.0 at /guides/flux/, Atom at /guides/flux/atom/).

An updated page comes back to the top with a new identifier (its address and publication time),
so a feed reader shows the update as news instead of silently editing an item read long ago.
"""

from django.db.models import F

from core.feeds import FEED_SIZE, PageFeed, feed_links, serve_feed

# The module, not its names: the guides' index page routes to this feed (models imports feeds).
from . import models

FEED_TITLE = "Guides : pages nouvelles et mises à jour"


class GuideFeed(PageFeed):
    """Guide pages of the section, most recently published first."""

    def title(self, index_page):
        return FEED_TITLE

    def items(self, index_page):
        return (
            models.GuidePage.objects.descendant_of(index_page)
            .live()
            .public()
            .defer_streamfields()
            .order_by(F("last_published_at").desc(nulls_last=True), "pk")[:FEED_SIZE]
        )

    def item_title(self, page):
        updated = page.first_published_at and page.last_published_at != page.first_published_at
        return f"{page.title} (mise à jour)" if updated else page.title

    def item_guid(self, page):
        # One identifier per publication: the live revision, not a timestamp (two publications
        # within one second would share it, and readers would miss the second).
        suffix = f"#publication-{page.live_revision_id}" if page.live_revision_id else ""
        return page.get_full_url(self.request) + suffix

    item_guid_is_permalink = False


def guide_feed(request, index_page, kind):
    return serve_feed(request, GuideFeed(index_page, kind))


def guide_feed_links(index_page, request):
    return feed_links(index_page, request, FEED_TITLE)
