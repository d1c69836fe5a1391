"""Fabrique's search backend: Wagtail's PostgreSQL backend plus the fast paths of the site search.

Chosen in settings (`WAGTAILSEARCH_BACKENDS`, the default on PostgreSQL, README « Recherche »). It
indexes exactly as Wagtail's PostgreSQL backend does, and adds three methods the site search asks
for by name (`core/matching.py`, results.py, suggestions.py): any other backend (Wagtail's database
backend, Elasticsearch, OpenSearch) lacks them and gets the generic path, which only calls
Wagtail's search API. Everything here reads through the connection the database router gives for
reads (core/replica.py: the replica when one is configured) and names tables from the models.
"""

from django.contrib.postgres.search import SearchQuery
from django.db import connections, router
from django.db.models import BigIntegerField, CharField, Exists, OuterRef, Q, Subquery
from django.db.models.functions import Cast, Coalesce

from modelsearch.utils import get_descendants_content_types_pks
from wagtail.models import Page
from wagtail.search.backends.database.postgres.postgres import PostgresSearchBackend
from wagtail.search.models import IndexEntry

from .entries import BulkPostgresIndex
from .postgres import Summary, summarise, tsquery


class FabriqueSearchBackend(PostgresSearchBackend):
    """Wagtail's PostgreSQL backend, answering a results page or a suggestion in one statement."""

    # Same rows as Wagtail's index, written with each object's fields read once (entries.py).
    index_class = BulkPostgresIndex
    # Each indexed page's facet values in one row (facet_index.py), read by the results statement.
    keeps_facet_rows = True
    # Suggestions: how many of the newest pages a short prefix is looked for in, and how many
    # matches of a rare prefix are read from the GIN index (suggested()).
    RECENT_PAGES = 2000
    RARE_MATCHES = 5000
    # A results page reads at most this many matches (postgres.py): its cost then stops growing
    # with the site. Beyond, the page says « plus de 1 000 résultats » and counts the facets on
    # the 1,000 read (the pages whose title holds the words first; exact order within them).
    # The backend's COUNTED_MATCHES option (WAGTAILSEARCH_BACKENDS) changes it.
    COUNTED_MATCHES = 1000

    def __init__(self, params):
        super().__init__(params)
        self.counted_matches = int(params.get("COUNTED_MATCHES", self.COUNTED_MATCHES))

    def read_connection(self):
        return connections[router.db_for_read(IndexEntry)]

    def matching_ids(self, model, query: str, operator: str):
        """Ids (`page_id`) of the index entries of `model` matching the query, through the GIN indexes.

        Wagtail's backend filters on `(title || body) @@ query`, an expression no index covers:
        every search then scans the whole index. Testing each column separately lets PostgreSQL
        combine its two GIN indexes. Nothing is lost for site pages: `search_stems` and
        `search_title_stems` put every title and body word in the body column (see BasePage).
        """
        text = tsquery(query, operator, self.config)
        return (
            IndexEntry.objects.filter(content_type__in=get_descendants_content_types_pks(model))
            .filter(Q(body=text) | Q(title=text))
            .annotate(page_id=Cast("object_id", BigIntegerField()))
            .values("page_id")
        )

    def summarise(self, base, facets, selected, text, operator, *, order, offset, limit) -> Summary:
        """Total, facet counts and one page of ranked ids of a results page (postgres.py)."""
        return summarise(
            base,
            facets,
            selected,
            text,
            operator,
            order=order,
            offset=offset,
            limit=limit,
            config=self.config,
            connection=self.read_connection(),
            cap=self.counted_matches,
        )

    def suggested(self, pages, prefixes: str, limit: int = 8):
        """Newest pages whose title words start like every typed word (`prefixes`: a raw tsquery).

        Two bounded reads, as a prefix matches either thousands of titles or a handful. First the
        newest pages, walked backwards through a per-page EXISTS on the index's unique (content
        type, object id) key, at most RECENT_PAGES of them: the one to three letters of the first
        keystrokes find their titles there. If that finds fewer than `limit`, the prefix is rare:
        the autocomplete column's GIN index gives its few matches (walking every page instead took
        a second at 100,000 pages for a word no title has).
        """
        query = SearchQuery(prefixes, config=self.autocomplete_config, search_type="raw")
        entries = IndexEntry.objects.filter(
            content_type_id=OuterRef("content_type_id"),
            object_id=Cast(OuterRef("pk"), CharField()),
            autocomplete=query,
        )
        newest = Page.objects.order_by("-pk").values("pk")[self.RECENT_PAGES - 1 : self.RECENT_PAGES]
        recent = pages.filter(pk__gte=Coalesce(Subquery(newest), 0)).filter(Exists(entries))
        found = list(recent.order_by("-pk").values_list("pk", flat=True)[:limit])
        if len(found) < limit:
            matching = (
                IndexEntry.objects.filter(
                    content_type__in=get_descendants_content_types_pks(Page), autocomplete=query
                )
                .annotate(page_id=Cast("object_id", BigIntegerField()))
                .values_list("page_id", flat=True)
            )
            found = list(
                pages.filter(pk__in=list(matching[: self.RARE_MATCHES]))
                .order_by("-pk")
                .values_list("pk", flat=True)[:limit]
            )
        return pages.filter(pk__in=found).order_by("-pk")


SearchBackend = FabriqueSearchBackend
