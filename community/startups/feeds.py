"""Feeds of startups changing phase (RSS 2.0 at /startups/flux/, Atom at /startups/flux/atom/).

One item per startup, for its current phase, dated the day the phase started: a startup that moves
from construction to accélération comes back to the top under a new identifier. Phases dated in
the future are not current yet (`current_phase_of`), so they are not announced before their day.
"""

from core.feeds import FEED_SIZE, PageFeed, as_datetime, feed_links, serve_feed

from .models.startups import StartupPage

FEED_TITLE = "Startups : changements de phase"


class StartupPhaseFeed(PageFeed):
    """Live startups by the start of their current phase, latest first."""

    def title(self, index_page):
        return FEED_TITLE

    def items(self, index_page):
        return (
            StartupPage.objects.child_of(index_page)
            .live()
            .public()
            .filter(current_phase__isnull=False, current_phase_start__isnull=False)
            .select_related("current_phase")
            .defer_streamfields()
            .order_by("-current_phase_start", "title")[:FEED_SIZE]
        )

    def item_title(self, page):
        return f"{page.title} : phase « {page.current_phase.name} »"

    def item_guid(self, page):
        return f"{page.get_full_url(self.request)}#phase-{page.current_phase.slug}-{page.current_phase_start}"

    item_guid_is_permalink = False

    def item_pubdate(self, page):
        return as_datetime(page.current_phase_start)

    def item_updateddate(self, page):
        return as_datetime(page.current_phase_start)

    def item_categories(self, page):
        return [page.current_phase.name]


def startup_feed(request, index_page, kind):
    return serve_feed(request, StartupPhaseFeed(index_page, kind))


def startup_feed_links(index_page, request):
    return feed_links(index_page, request, FEED_TITLE)
