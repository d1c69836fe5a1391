"""Feeds of new resources (RSS 2.0 at /ressources/flux/, Atom at /ressources/flux/atom/).

They take the listing's own parameters and filter code (`listing.resource_listing`): the feed of
`/ressources/?phase=construction&role=coach` is `/ressources/flux/?phase=construction&role=coach`,
and an unknown value is ignored as the listing ignores it.
"""

from core.feeds import FEED_SIZE, PageFeed, feed_links, serve_feed

from .listing import resource_listing

FEED_TITLE = "Ressources : nouveautés"


class ResourceFeed(PageFeed):
    """Resources of the library matching the listing's filters, newest first."""

    def title(self, index_page):
        labels = [option["label"] for option in resource_listing(self.request, index_page).removal_links()]
        return f"{FEED_TITLE} ({' ; '.join(labels)})" if labels else FEED_TITLE

    def link(self, index_page):
        query = resource_listing(self.request, index_page).querystring()
        return index_page.get_full_url(self.request) + (f"?{query}" if query else "")

    def items(self, index_page):
        results = resource_listing(self.request, index_page).results
        return results.order_by("-first_published_at", "pk")[:FEED_SIZE]

    def item_categories(self, page):
        return [page.kind.name]


def resource_feed(request, index_page, kind):
    return serve_feed(request, ResourceFeed(index_page, kind))


def resource_feed_links(index_page, request):
    """The feed of what the visitor is looking at: the listing's filters carried over."""
    return feed_links(index_page, request, FEED_TITLE, resource_listing(request, index_page).querystring())
