"""What members search for (kept without personal data, for a bounded time), what editors curate,
and what the PostgreSQL search backend stores besides Wagtail's index: each indexed page's facets."""

from django.contrib.postgres.fields import ArrayField
from django.db import models

from wagtail.admin.panels import FieldPanel, PageChooserPanel

from core.text import clean_query, fold


def normalise(query: str) -> str:
    """One spelling per query: folded (no case, no accents), single spaces, bounded."""
    return " ".join(fold(clean_query(query)).split())


class SearchRecord(models.Model):
    """One site search: the normalised query, its result count, facets, the searcher's role, the click.

    No account, no address, no session: a row says what was looked for, never by whom. Rows older
    than `FABRIQUE_SEARCH_LOG_DAYS` are deleted (`manage.py purge_search_log`).
    """

    shown_on_public_pages = False  # a search must not empty the page cache (core/caching)

    query = models.CharField("recherche", max_length=200, db_index=True)
    result_count = models.PositiveIntegerField("résultats")
    facets = models.JSONField("filtres", default=dict, blank=True)
    role = models.CharField("rôle de la personne connectée", max_length=100, blank=True)
    clicked_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name="résultat ouvert",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField("date", auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = "recherche effectuée"
        verbose_name_plural = "recherches effectuées"
        indexes = [models.Index(fields=["result_count", "created_at"], name="search_zero_results")]

    def __str__(self):
        return f"{self.query} ({self.result_count})"


class HandledQuery(models.Model):
    """A query without result that an editor answered with a new guide: no longer waiting."""

    shown_on_public_pages = False

    query = models.CharField("recherche", max_length=200, unique=True)
    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name="page créée",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    handled_at = models.DateTimeField("traitée le", auto_now_add=True)

    class Meta:
        verbose_name = "recherche traitée"
        verbose_name_plural = "recherches traitées"

    def __str__(self):
        return self.query


class PinnedResult(models.Model):
    """A page editors put first for a recurring query (shown only to readers allowed to open it)."""

    query = models.CharField(
        "recherche", max_length=200, db_index=True, help_text="Telle que les membres la tapent, ex. : comité."
    )
    page = models.ForeignKey(
        "wagtailcore.Page", verbose_name="page", on_delete=models.CASCADE, related_name="+"
    )
    sort_order = models.PositiveIntegerField("ordre", default=0)

    panels = [FieldPanel("query"), PageChooserPanel("page"), FieldPanel("sort_order")]

    class Meta:
        ordering = ["query", "sort_order", "pk"]
        verbose_name = "résultat épinglé"
        verbose_name_plural = "résultats épinglés"

    def __str__(self):
        return f"{self.query} → {self.page}"

    def save(self, *args, **kwargs):
        self.query = normalise(self.query)
        super().save(*args, **kwargs)


class SearchSynonym(models.Model):
    """A word members type for what pages write in full, e.g. « CI » → « comité d'investissement »."""

    term = models.CharField("mot tapé", max_length=100, unique=True, help_text="Ex. : CI")
    expansion = models.CharField("recherché comme", max_length=200, help_text="Ex. : comité d'investissement")

    panels = [FieldPanel("term"), FieldPanel("expansion")]

    class Meta:
        ordering = ["term"]
        verbose_name = "synonyme de recherche"
        verbose_name_plural = "synonymes de recherche"

    def __str__(self):
        return f"{self.term} → {self.expansion}"

    def save(self, *args, **kwargs):
        self.term = normalise(self.term)
        super().save(*args, **kwargs)


class PageFacets(models.Model):
    """One row per indexed page with its facet values, so a results page counts them without joins.

    Written beside the page's index entry by our PostgreSQL backend (facet_index.py) and read only
    by it (postgres.py); the table exists on PostgreSQL only (migration 0001). Who may read a page
    is not stored here: the results statement still filters on the page table.
    """

    shown_on_public_pages = False  # bookkeeping of the index, written at indexing (core/caching)

    # The page's id, without a foreign key: like Wagtail's index entries, a row follows the page's
    # indexing (written and deleted with its entry), and deleting a page never has to look here.
    page_id = models.IntegerField(primary_key=True)
    # "field:id" per related value of a facet relation ("kind:3", "phases:2", "roles:5").
    tags = ArrayField(models.CharField(max_length=80), default=list)

    class Meta:
        verbose_name = "facettes d'une page indexée"
        verbose_name_plural = "facettes des pages indexées"
        # Not Django's to create, flush or serialise everywhere: the table exists on PostgreSQL
        # only (migration 0003); on SQLite, test flushes and serialisation must not look for it.
        managed = False

    def __str__(self):
        return f"page {self.page_id} : {', '.join(self.tags)}"
