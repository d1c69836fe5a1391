"""Text matching through the configured search backend, with the query folded and stemmed like the index.

Every `BasePage` indexes folded, stemmed words (`core/text.py`); these functions stem the query the
same way. They ask the configured backend for its fast path, a `matching_ids` method (our
PostgreSQL backend, resources/search/backend.py, reading the index's GIN indexes); any other
backend (Wagtail's database backend, Elasticsearch, OpenSearch) gets the generic path, which only
calls Wagtail's search API (`.search()`, `.autocomplete()`), so switching engines is a settings
change. Title matches rank above body matches on both paths. The site search and the resource
library's text filter both build on them.
"""

from wagtail.search.backends import get_search_backend
from wagtail.search.query import And, Or, PlainText

from core.text import stemmed_text

# Fast path: up to this many matches, their ids are read once and passed as a list (`prefiltered`).
MATERIALISED_IDS = 20_000
# Generic path: at most this many matches are read from the engine, best first. A query matching
# more shows (and counts) its best GENERIC_MATCHES: the fast path has no such bound.
GENERIC_MATCHES = 2_000


def fast_matching(backend=None):
    """The backend's fast matching method, or None when only Wagtail's search API is available."""
    return getattr(backend or get_search_backend(), "matching_ids", None)


def run_search(queryset, query: str, *, operator: str = "and", order_by_relevance: bool = True):
    """Wagtail search with the query folded and stemmed like the indexed `search_stems` fields."""
    return queryset.search(stemmed_text(query), operator=operator, order_by_relevance=order_by_relevance)


def ranked_ids(queryset, query: str, *, operator: str = "and") -> list:
    """Ids of the matching objects, best first, through Wagtail's search API alone (the generic path).

    Every title match comes above every body-only match, then the engine's own order: ranking by
    the score alone let a body repeating a word outrank a title holding it (BM25 over one text).
    Title matches are told apart by the autocomplete fields (folded title words, on every engine):
    a query's stem begins the words it comes from ("recrut" of "recrutement").
    """
    found = [obj.pk for obj in run_search(queryset, query, operator=operator)[:GENERIC_MATCHES]]
    stems = stemmed_text(query).split()
    if not found or not stems:
        return found
    combine = And if operator == "and" else Or
    titles = queryset.autocomplete(combine([PlainText(word) for word in stems]), order_by_relevance=False)
    in_title = {obj.pk for obj in titles[:GENERIC_MATCHES]}
    # sorted() is stable: the engine's order is kept within each group.
    return sorted(found, key=lambda pk: pk not in in_title)


def prefiltered(queryset, query: str, *, operator: str = "and", cache: dict | None = None):
    """The queryset narrowed to the objects matching the query (unordered), on either path.

    Fast path: up to MATERIALISED_IDS matches, their ids are read once (one cheap GIN query,
    remembered in `cache` for the other queries of the same request) and passed as a list:
    PostgreSQL then reads pages by primary key instead of hashing the whole page table in every
    facet count. Generic path: the engine's ids (bounded), remembered the same way.
    """
    key = (queryset.model._meta.label, query, operator)
    if cache is not None and key in cache:
        return queryset.filter(pk__in=cache[key])
    matching_ids = fast_matching()
    if matching_ids is None:
        ids = ranked_ids(queryset, query, operator=operator)
    else:
        ids = matching_ids(queryset.model, query, operator)
        found = list(ids.values_list("page_id", flat=True)[: MATERIALISED_IDS + 1])
        if len(found) <= MATERIALISED_IDS:
            ids = found
    if cache is not None:
        cache[key] = ids
    return queryset.filter(pk__in=ids)


def matching(queryset, query: str, *, operator: str = "and", cache: dict | None = None):
    """The unsliced queryset of objects matching the query, usable as a subquery (facet counts)."""
    return prefiltered(queryset, query, operator=operator, cache=cache).order_by()


def filter_by_text(queryset, query: str):
    """Restrict a listing's queryset to what matches a text query (the library's text filter)."""
    if not stemmed_text(query):
        return queryset.none()
    return queryset.filter(pk__in=matching(queryset, query).values("pk"))
