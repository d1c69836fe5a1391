"""Front pages of the methodology and of the resource library."""

from home.models import IndexPage

from .library import resource_listing


class GuideIndexPage(IndexPage):
    """The methodology's front page: the guides written and reviewed by coaches hang under it."""

    subpage_types = ["resources.GuidePage"]

    class Meta:
        verbose_name = "accueil des guides"


class ResourceIndexPage(IndexPage):
    """The shared resource library ("Ressources"): templates, tools, checklists, contacts."""

    subpage_types = ["resources.ResourcePage"]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(resource_listing(request, self).context())
        return context

    class Meta:
        verbose_name = "bibliothèque de ressources"
