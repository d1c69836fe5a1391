"""The library's front page and the "Contribuer" page, whose form sends resources to moderation."""

from wagtail.contrib.routable_page.models import RoutablePageMixin, path

from core.pages import IndexPage

from .. import submission
from ..listing import resource_listing


class ResourceIndexPage(IndexPage):
    """The shared resource library ("Ressources"): templates, tools, checklists, contacts."""

    subpage_types = ["library.ResourcePage"]

    class Meta:
        verbose_name = "bibliothèque de ressources"

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
