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
from django.db.models import BigIntegerField, Q, Subquery
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
    # Suggestions: among how many of the newest index entries a short prefix is looked for, and
    # how many matches of a rare prefix are read from the GIN index (suggested()).
    RECENT_ENTRIES = 2000
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

    def suggested(self, pages, prefixes: str, limit: int = 8) -> list[Page]:
        """Newest visible pages whose title words start like every typed word (`prefixes`: a raw
        tsquery), with only what a suggestion shows (title, address, type).

        Two bounded reads, as a prefix matches either thousands of titles or a handful. First the
        RECENT_ENTRIES newest index entries, read backwards by key: the one to three letters of the
        first keystrokes find their titles there. Reading entries rather than pages matters: the
        earlier walk through the newest pages probed the index once per page (10 ms at 100,000
        resources for a prefix no title has, against 1 ms here). If that finds fewer than `limit`
        visible pages, the prefix is rare: the autocomplete column's GIN index gives its few
        matches (walking every page instead took a second at 100,000 pages).
        """
        query = SearchQuery(prefixes, config=self.autocomplete_config, search_type="raw")
        matching = IndexEntry.objects.filter(
            content_type__in=get_descendants_content_types_pks(Page), autocomplete=query
        ).annotate(page_id=Cast("object_id", BigIntegerField()))
        newest = IndexEntry.objects.order_by("-pk").values("pk")
        threshold = Coalesce(Subquery(newest[self.RECENT_ENTRIES - 1 : self.RECENT_ENTRIES]), 0)
        # A few more than needed: some recent entries may be drafts or restricted pages.
        recent = matching.filter(pk__gte=threshold).order_by("-pk").values("page_id")[: limit * 4]
        found = self._newest(pages, recent, limit)
        if len(found) < limit:
            # Read first, then passed as values: as a subquery, PostgreSQL may walk every page
            # backwards looking for the rare ones (tens of milliseconds at 100,000 pages).
            rare = list(matching.values_list("page_id", flat=True)[: self.RARE_MATCHES])
            found = self._newest(pages, rare, limit) if rare else []
        return found

    @staticmethod
    def _newest(pages, ids, limit: int) -> list[Page]:
        """The `limit` newest of `pages` among `ids`, with the fields a suggestion shows."""
        chosen = pages.filter(pk__in=ids).order_by("-pk").only("id", "title", "url_path", "content_type_id")
        return list(chosen[:limit])


SearchBackend = FabriqueSearchBackend
