"""The startup directory's front page: its listing is the faceted directory, not a list of children."""

from wagtail.contrib.routable_page.models import RoutablePageMixin, path

from core.feeds import ATOM, FEED_ROUTES, RSS
from core.pages import IndexPage

from .. import feeds, sponsors
from ..directory import startup_directory
from ..sites import scope_context, scope_incubator


class StartupIndexPage(RoutablePageMixin, IndexPage):
    """The startup directory: every startup d'État of the network, filterable."""

    subpage_types = ["startups.StartupPage"]

    class Meta:
        verbose_name = "annuaire des startups"

    def get_context(self, request, *args, **kwargs):
        # Not IndexPage's child listing: the faceted directory replaces it.
        context = super(IndexPage, self).get_context(request, *args, **kwargs)
        # On an incubator's own site, its startups first; « Tout le réseau » widens (sites.py).
        context.update(startup_directory(request, self, scope_incubator(request)).context())
        context.update(scope_context(request))
        return context

    @path("organisations/<str:slug>/", name="organisation")
    def organisation_view(self, request, slug):
        return sponsors.organisation_page(request, self, slug)

    @path(FEED_ROUTES[RSS])
    def rss_feed(self, request):
        return feeds.startup_feed(request, self, RSS)

    @path(FEED_ROUTES[ATOM])
    def atom_feed(self, request):
        return feeds.startup_feed(request, self, ATOM)

    def feed_links(self, request):
        return feeds.startup_feed_links(self, request)
