"""The library's front page and the "Contribuer" page, whose form sends resources to moderation."""

from wagtail.contrib.routable_page.models import RoutablePageMixin, path

from core.feeds import ATOM, FEED_ROUTES, RSS
from core.pages import IndexPage

from .. import feeds, submission
from ..listing import resource_listing


class ResourceIndexPage(RoutablePageMixin, IndexPage):
    """The shared resource library ("Ressources"): templates, tools, checklists, contacts."""

    subpage_types = ["library.ResourcePage"]

    class Meta:
        verbose_name = "bibliothèque de ressources"

    @path(FEED_ROUTES[RSS])
    def rss_feed(self, request):
        return feeds.resource_feed(request, self, RSS)

    @path(FEED_ROUTES[ATOM])
    def atom_feed(self, request):
        return feeds.resource_feed(request, self, ATOM)

    def feed_links(self, request):
        return feeds.resource_feed_links(self, request)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(resource_listing(request, self).context())
        return context


class ContributionPage(RoutablePageMixin, IndexPage):
    """ "Contribuer": how members propose resources and corrections, and where they do it."""

    subpage_types = []

    class Meta:
        verbose_name = "page contribuer"

    def library(self) -> ResourceIndexPage | None:
        """Where proposed resources wait for moderation, then live."""
        return ResourceIndexPage.objects.order_by("path").first()

    @path("")
    def propose_view(self, request):
        return submission.propose(request, self)
