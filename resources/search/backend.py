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
from django.db.models import BigIntegerField, CharField, Exists, OuterRef, Q
from django.db.models.functions import Cast

from modelsearch.utils import get_descendants_content_types_pks
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
        )

    def suggested(self, pages, prefixes: str):
        """Newest pages whose title words start like every typed word (`prefixes`: a raw tsquery).

        Written as a per-page EXISTS on the index's unique (content type, object id) key, newest
        page first: for the one to three letters of the first keystrokes, which match thousands of
        titles, PostgreSQL walks the pages backwards and stops at the first few; for rare words it
        reads the autocomplete GIN index instead.
        """
        entries = IndexEntry.objects.filter(
            content_type_id=OuterRef("content_type_id"),
            object_id=Cast(OuterRef("pk"), CharField()),
            autocomplete=SearchQuery(prefixes, config=self.autocomplete_config, search_type="raw"),
        )
        return pages.filter(Exists(entries)).order_by("-pk")


SearchBackend = FabriqueSearchBackend
