"""Text matching through Wagtail's search backend, with the query folded and stemmed like the index.

Every `BasePage` indexes folded, stemmed words (`core/text.py`); these functions stem the query
the same way, narrow PostgreSQL searches through the index's GIN indexes, and rank title matches
above body matches. The site search and the resource library's text filter both build on them.
"""

from functools import reduce
from operator import and_ as operator_and
from operator import or_ as operator_or

from django.contrib.postgres.search import SearchQuery
from django.db import connection
from django.db.models import BigIntegerField, BooleanField, ExpressionWrapper, Q
from django.db.models.functions import Cast

from modelsearch.utils import get_descendants_content_types_pks
from wagtail.models import Page
from wagtail.search.backends import get_search_backend
from wagtail.search.models import IndexEntry
from wagtail.search.query import And, Or, PlainText

from core.text import stemmed_text

# Up to this many matches, their ids are read once and passed as a list (see `prefiltered`).
MATERIALISED_IDS = 20_000


def tsquery(text: str, operator: str) -> SearchQuery:
    """The tsquery of the folded, stemmed words, as the indexed `search_stems` fields hold them."""
    config = get_search_backend().config
    return reduce(
        operator_and if operator == "and" else operator_or,
        [SearchQuery(term, config=config, search_type="plain") for term in stemmed_text(text).split()],
    )


def tsquery_sql(text: str, operator: str):
    """`tsquery()` as SQL with its parameters (a constant, built once per statement)."""
    compiler = IndexEntry.objects.all().query.get_compiler(connection=connection)
    return tsquery(text, operator).as_sql(compiler, connection)


def run_search(queryset, query: str, *, operator: str = "and", order_by_relevance: bool = True):
    """Wagtail search with the query folded and stemmed like the indexed `search_stems` fields."""
    return queryset.search(stemmed_text(query), operator=operator, order_by_relevance=order_by_relevance)


def _postgres_matching_ids(queryset, query: str, operator: str):
    """Ids of the index entries matching the query, found through the index's GIN indexes.

    Wagtail's PostgreSQL backend filters on `(title || body) @@ query`, an expression no index
    covers: every search then scans the whole index (about 100 ms per 10,000 pages, per query,
    and a results page runs several). Testing each column separately lets PostgreSQL combine its
    two GIN indexes. Nothing is lost for site pages: `search_stems`/`search_title_stems` put every
    title and body word in the body column (see BasePage).
    """
    text = tsquery(query, operator)
    return (
        IndexEntry.objects.filter(content_type__in=get_descendants_content_types_pks(queryset.model))
        .filter(Q(body=text) | Q(title=text))
        .annotate(page_id=Cast("object_id", BigIntegerField()))
        .values("page_id")
    )


def prefiltered(queryset, query: str, *, operator: str = "and", cache: dict | None = None):
    """The queryset narrowed to index matches before ranking, where the backend needs the help.

    Up to MATERIALISED_IDS matches, their ids are read once (one cheap GIN query, remembered in
    `cache` for the other queries of the same request) and passed as a list: PostgreSQL then
    reads pages by primary key instead of hashing the whole page table in every facet count.
    """
    if connection.vendor != "postgresql":
        return queryset
    ids = _postgres_matching_ids(queryset, query, operator)
    key = (queryset.model._meta.label, query, operator)
    if cache is not None and key in cache:
        ids = cache[key]
    else:
        found = list(ids.values_list("page_id", flat=True)[: MATERIALISED_IDS + 1])
        if len(found) <= MATERIALISED_IDS:
            ids = found
        if cache is not None:
            cache[key] = ids
    return queryset.filter(pk__in=ids)


def ranked(queryset, query: str, *, operator: str = "and"):
    """Matching objects, best first: every title match above every body-only match, then the backend's score.

    Used where the PostgreSQL summary (resources/search/postgres.py) is not: ranking by the backend's
    score alone let a body repeating a word outrank a title holding it on SQLite (BM25 over one text).
    """
    results = run_search(queryset, query, operator=operator).get_queryset()
    # A stem begins the folded words it comes from ("recrut" of "recrutement"): matched as prefixes in
    # the autocomplete column (folded title words, on every backend), the stems tell title matches apart.
    stems = stemmed_text(query).split()
    if not stems:
        return results
    combine = And if operator == "and" else Or
    title_hits = Page.objects.autocomplete(
        combine([PlainText(word) for word in stems]), order_by_relevance=False
    )
    in_title = ExpressionWrapper(
        Q(pk__in=title_hits.get_queryset().values("pk")), output_field=BooleanField()
    )
    return results.annotate(in_title=in_title).order_by("-in_title", *results.query.order_by)


def matching(queryset, query: str, *, operator: str = "and", cache: dict | None = None):
    """The unsliced queryset of objects matching the query, usable as a subquery (facet counts)."""
    if connection.vendor == "postgresql":
        return prefiltered(queryset, query, operator=operator, cache=cache).order_by()
    results = run_search(queryset, query, operator=operator, order_by_relevance=False)
    # Every database backend's results expose the filtered queryset they run; we need it unsliced.
    return results.get_queryset().order_by()


def filter_by_text(queryset, query: str):
    """Restrict a listing's queryset to what matches a text query (the library's text filter)."""
    if not stemmed_text(query):
        return queryset.none()
    return queryset.filter(pk__in=matching(queryset, query).values("pk"))
