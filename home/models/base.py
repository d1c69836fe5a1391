"""Abstract pages that every page type of the site builds on."""

from django.db import models

from wagtail.admin.panels import FieldPanel
from wagtail.models import Page
from wagtail.search import index


class BasePage(Page):
    """What every page of the site shares: a short introduction shown in lists and search."""

    intro = models.TextField(
        "introduction",
        blank=True,
        help_text="Une ou deux phrases, reprises dans les listes et les résultats de recherche.",
    )

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [
        *Page.search_fields,
        index.SearchField("intro"),
    ]

    class Meta:
        abstract = True

    @property
    def summary(self):
        return self.intro or self.search_description


class ImportedPageMixin(models.Model):
    """Where an imported page comes from, so a re-import updates it in place, only when changed."""

    source_key = models.CharField("source", max_length=500, blank=True, db_index=True, editable=False)
    source_hash = models.CharField(max_length=64, blank=True, editable=False)

    class Meta:
        abstract = True


class IndexPage(BasePage):
    """A section's front page (Guides, Ressources, Startups…): one per site, lists its children."""

    max_count = 1
    parent_page_types = ["home.HomePage"]
    page_size = 24

    class Meta:
        abstract = True

    def get_children_for_listing(self):
        return self.get_children().live().public().specific().defer_streamfields()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["children"] = self.get_children_for_listing()
        return context
