"""Abstract pages that every page type of the site builds on, and how a section gets its children."""

from django.db import models
from django.utils.encoding import force_str

from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.models import Page
from wagtail.search import index

from rest_framework.relations import SlugRelatedField

from core.text import fold, stemmed_text

# Search fields derived from the others (see `BasePage.search_stems`), never fed back into themselves.
DERIVED_SEARCH_FIELDS = frozenset({"search_stems", "search_title_stems", "search_title_folded"})
# Title words are written this many times in the stemmed index, so a title match outweighs a body
# match with BM25 (SQLite) as with ts_rank (PostgreSQL), on top of the field boost.
TITLE_REPEAT = 3


def _plain(value):
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, list | tuple):
        return " ".join(_plain(item) for item in value)
    if isinstance(value, dict):
        return " ".join(_plain(item) for item in value.values())
    return force_str(value)


def _field_texts(obj, field):
    """The plain texts a search field contributes, following related fields like the indexer does."""
    if isinstance(field, index.SearchField):
        if field.field_name != "title" and field.field_name not in DERIVED_SEARCH_FIELDS:
            yield _plain(field.get_value(obj))
    elif isinstance(field, index.RelatedFields):
        related = field.get_value(obj)
        if related is None:
            return
        related = related.all() if isinstance(related, models.Manager) else [related]
        for item in related:
            for sub_field in field.fields:
                yield from _field_texts(item, sub_field)


def api_slugs(name: str, many: bool = True) -> APIField:
    """A taxonomy (or snippet) field in the API as its slugs, the identifiers the listings filter on."""
    return APIField(name, serializer=SlugRelatedField(slug_field="slug", many=many, read_only=True))


class BasePage(Page):
    """What every page of the site shares: a short introduction shown in lists and search."""

    intro = models.TextField(
        "introduction",
        blank=True,
        help_text="Une ou deux phrases, reprises dans les listes et les résultats de recherche.",
    )

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    # What the read-only API (/api/v2/pages/?fields=…) gives of each page type; each adds its own.
    api_fields = [APIField("intro")]
    search_fields = [
        *Page.search_fields,
        index.SearchField("intro"),
        # French stemming and accent folding on every backend (see core/text.py).
        index.SearchField("search_title_stems", boost=2),
        index.SearchField("search_stems"),
        index.AutocompleteField("search_title_folded"),
    ]

    class Meta:
        abstract = True

    @property
    def summary(self):
        return self.intro or self.search_description

    def search_body_text(self) -> str:
        """Plain text of every search field but the title: what search extracts are cut from.

        The indexer reads `search_stems` once per index column (three times), and this text costs
        every rich-text block's tag stripping: a bulk indexing pass (core/importing/indexing.py)
        makes each object read its fields once, this text included.
        """
        texts = (text for field in self.get_search_fields() for text in _field_texts(self, field))
        return " ".join(text for text in texts if text)

    @property
    def search_title_stems(self) -> str:
        return " ".join([stemmed_text(self.title)] * TITLE_REPEAT)

    @property
    def search_stems(self) -> str:
        return stemmed_text(self.search_body_text())

    @property
    def search_title_folded(self) -> str:
        return fold(self.title)


class ImportedPageMixin(models.Model):
    """Where an imported page comes from, so a re-import updates it in place, only when changed."""

    source_key = models.CharField("source", max_length=500, blank=True, db_index=True, editable=False)
    source_hash = models.CharField(max_length=64, blank=True, editable=False)

    class Meta:
        abstract = True


class IndexPage(BasePage):
    """A section's front page (Guides, Ressources, Startups…): one per site, lists its children."""

    max_count = 1
    # Sections hang under the site's home page, named by label: the ground imports nothing above it.
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


def get_or_create_child(parent, model, slug, **fields):
    """The child page with this slug, created and published the first time (setup and demo loaders)."""
    existing = parent.get_children().filter(slug=slug).first()
    if existing is not None:
        return existing.specific, False
    page = model(slug=slug, **fields)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page, True


def get_or_create_section(parent, model, slug, **fields):
    """The site's one section page of this type, created and published under `parent` the first time.

    Sections are singletons (`IndexPage.max_count = 1`): an existing one is kept wherever it is.
    """
    page = model.objects.order_by("path").first()
    if page is not None:
        return page.specific, False
    return get_or_create_child(parent, model, slug, show_in_menus=True, **fields)


def route_url(request, page, name, *args) -> str:
    """URL of a routable page's route; empty while previewing a page or row that is not saved yet."""
    base = page.get_url(request=request)
    if base is None or None in args:
        return ""
    return base + page.reverse_subpage(name, args=args)
