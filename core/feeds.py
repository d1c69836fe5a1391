"""RSS 2.0 and Atom feeds of a section's pages, served by a route of the section's index page.

A feed is handed its index page (pages never import views): `serve_feed(FeedClass, request, page)`.
Feeds list only what the section's listing shows anonymous visitors (live, public pages); they go
through the open-data rate limit and carry `Cache-Control: public, max-age` like the API. The
anonymous page cache keeps them too (a feed's `Content-Type` is stored with it).
"""

import datetime

from django.contrib.syndication.views import Feed
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed

from core.opendata import open_data_view

FEED_SIZE = 30
RSS, ATOM = "rss", "atom"
FEED_TYPES = {RSS: Rss201rev2Feed, ATOM: Atom1Feed}
FEED_ROUTES = {RSS: "flux/", ATOM: "flux/atom/"}


class PageFeed(Feed):
    """A feed of an index page's pages: the page's title, introduction and address."""

    language = "fr"

    def __init__(self, index_page, kind=RSS):
        super().__init__()
        self.index_page = index_page
        self.feed_type = FEED_TYPES[kind]

    def get_object(self, request, *args, **kwargs):
        self.request = request
        return self.index_page

    def link(self, index_page):
        return index_page.get_full_url(self.request)

    def feed_url(self, index_page):
        return self.request.build_absolute_uri()

    def description(self, index_page):
        return index_page.intro or index_page.search_description or index_page.title

    subtitle = description  # Atom's name for it

    def item_title(self, page):
        return page.title

    def item_description(self, page):
        return page.summary

    def item_link(self, page):
        return page.get_full_url(self.request)

    def item_pubdate(self, page):
        return page.first_published_at

    def item_updateddate(self, page):
        return page.last_published_at


def as_datetime(day: datetime.date) -> datetime.datetime:
    """A date as midnight in the site's time zone (feeds date their items with a time)."""
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


@open_data_view
def serve_feed(request, feed):
    return feed(request)


def feed_links(index_page, request, title, query: str = "") -> list[dict]:
    """The `<link rel="alternate">` of a section's feeds, for the head of its page."""
    base = index_page.get_url(request)
    if base is None:
        return []
    suffix = f"?{query}" if query else ""
    kinds = [(RSS, "application/rss+xml", "RSS"), (ATOM, "application/atom+xml", "Atom")]
    return [
        {"type": media_type, "title": f"{title} ({name})", "href": base + FEED_ROUTES[kind] + suffix}
        for kind, media_type, name in kinds
    ]
