"""Front pages of the methodology and of the resource library."""

from home.models import IndexPage


class GuideIndexPage(IndexPage):
    """The methodology's front page: the guides written and reviewed by coaches hang under it."""

    subpage_types = ["resources.GuidePage"]

    class Meta:
        verbose_name = "accueil des guides"


class ResourceIndexPage(IndexPage):
    """The shared resource library ("Ressources"): templates, tools, checklists, contacts."""

    subpage_types = []

    class Meta:
        verbose_name = "bibliothèque de ressources"
