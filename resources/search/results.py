"""The /recherche/ results: which query runs, on which visible pages, under which facets and sort.

Matching goes through the configured search backend against the folded, stemmed fields every
`BasePage` indexes (see core/text.py, core/matching.py). When every word finds nothing, a
one-letter correction (typos.py), then any word, is tried. With our PostgreSQL backend
(backend.py) a results page's total, facet counts and ranked page come from one statement
(postgres.py); with any other backend (the generic path) the engine gives the ranked ids of the
matches through Wagtail's search API, and the database filters, counts and sorts those.
"""

from collections import Counter
from collections.abc import Sequence

from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from core.listing import FacetedListing, FacetOption, FacetState, Sort
from core.matching import ranked_ids
from core.text import clean_query, stem, stemmed_text, words
from core.visibility import visible_pages
from resources.guides.models import GuideVariantPage

from .backend import FabriqueSearchBackend
from .extracts import extract, highlight, prefetch_extract_relations
from .facets import site_facets
from .postgres import Summary
from .typos import correct_typos

RESULTS_PER_PAGE = 10

SORTS = {
    "pertinence": Sort("Pertinence", ()),
    "date": Sort("Date de publication (récent d'abord)", ("-last_published_at", "-id")),
}


class SiteSearch(FacetedListing):
    """The /recherche/ state: query, facets, sort and page from the URL, results and their counts."""

    def __init__(self, request, *, per_page: int = RESULTS_PER_PAGE, scope=None):
        # `scope` narrows the visible pages (an incubator's own site: views.py); never widens them.
        pages = visible_pages(request.user)
        super().__init__(
            request,
            # An incubator's variant is found through its guide (one result, with badges), not apart.
            (scope(pages) if scope is not None else pages).not_type(GuideVariantPage),
            site_facets(),
            sorts=SORTS,
            per_page=per_page,
        )
        self.query = clean_query(request.GET.get("q", ""))
        backend = get_search_backend()
        # Asked of the configured backend, never of the database: another engine is a settings change.
        self.fast = backend if isinstance(backend, FabriqueSearchBackend) else None
        self._ranked = {}  # generic path: the engine's ranked ids per (text, operator)
        self._summaries = {}  # (text, operator) -> Summary: total, facet counts, page of ids
        self.operator = "and"
        self.corrected_query = ""
        self.relaxed = False
        if self.query:
            self._choose_query()

    @property
    def search_text(self) -> str:
        return self.corrected_query or self.query

    @property
    def is_searchable(self) -> bool:
        return bool(stemmed_text(self.query))

    def _choose_query(self):
        """Every word first; then a one-letter correction; then any word, so something useful shows."""
        if not self.is_searchable or self._summary(self.query, "and").total:
            return
        corrected = correct_typos(self.query)
        if corrected and self._summary(corrected, "and").total:
            self.corrected_query = corrected
            return
        if len(words(self.query)) > 1 and self._summary(self.query, "or").total:
            self.operator, self.relaxed = "or", True

    def _summary(self, text: str, operator: str, offset: int | None = None) -> Summary:
        """Total and facet counts of a text, computed once per request, with the ranked page ids."""
        key = (text, operator)
        summary = self._summaries.get(key)
        if summary is not None and (offset is None or summary.offset == offset or self.fast is None):
            return summary
        if self.fast is not None:
            number = self.requested_page() or 1
            summary = self.fast.summarise(
                self.base,
                self.facets,
                self.selected,
                text,
                operator,
                order=self.sort,
                offset=offset if offset is not None else max(number - 1, 0) * self.per_page,
                limit=self.per_page,
            )
        else:
            summary = self._generic_summary(text, operator)
        self._summaries[key] = summary
        return summary

    def _ids(self, text: str, operator: str) -> list:
        """Generic path: the engine's ranked ids of the visible pages matching the text."""
        key = (text, operator)
        if key not in self._ranked:
            self._ranked[key] = ranked_ids(self.base, text, operator=operator)
        return self._ranked[key]

    def _generic_summary(self, text: str, operator: str) -> Summary:
        """Every matching id in display order: the engine ranks, the database applies facets and sorts."""
        ids = self._ids(text, operator)
        faceted = self._faceted().filter(pk__in=ids)
        if self.sort == "pertinence":
            kept = set(faceted.values_list("pk", flat=True))
            ordered = [pk for pk in ids if pk in kept]
        else:
            ordered = list(faceted.order_by(*self.sorts[self.sort].ordering).values_list("pk", flat=True))
        return Summary(total=len(ordered), counts={}, page_ids=ordered, offset=0)

    def _faceted(self, skip: str | None = None):
        queryset = self.base
        for facet in self.facets:
            values = self.selected[facet.param]
            if values and facet.param != skip:
                queryset = facet.restrict(queryset, values)
        return queryset

    def _matched(self, skip: str | None = None):
        return self._faceted(skip).filter(pk__in=self._ids(self.search_text, self.operator)).order_by()

    @property
    def more_results(self) -> bool:
        """More matches than the total says: our backend stopped reading at its cap (postgres.py)."""
        return self.is_searchable and self._summary(self.search_text, self.operator).more

    @property
    def query_stems(self) -> set[str]:
        return {stem(word) for word in words(self.search_text)}

    @property
    def results(self):
        return Page.objects.none()  # only when nothing is searchable: see page()

    def page(self):
        if not self.is_searchable:
            return super().page()
        return self.paginate(SummarisedResults(self))

    def _counts(self, facet) -> Counter:
        summary = self._summary(self.search_text, self.operator)
        if facet.param not in summary.counts:  # the generic path counts each facet on its own
            selected = self.selected[facet.param]
            matched = self._matched(skip=facet.param) if selected else self._matched()
            values = [value for value, _ in self.choices[facet.param]]
            summary.counts[facet.param] = facet.counts(matched, values)
        return summary.counts[facet.param]

    def facet_states(self) -> list[FacetState]:
        """Counts per value under the other facets' filters."""
        if not self.is_searchable:
            return []
        states = []
        for facet in self.facets:
            selected = set(self.selected[facet.param])
            counts = self._counts(facet)
            options = [
                FacetOption(value, label, counts.get(value, 0), value in selected)
                for value, label in self.choices[facet.param]
                if counts.get(value) or value in selected
            ]
            if options:
                states.append(FacetState(facet, options))
        return states

    def entries(self, page_obj) -> list[dict]:
        """The results of one page with their highlighted title and extract."""
        stems = self.query_stems
        pages = list(page_obj)
        prefetch_extract_relations(pages)
        entries = []
        for page in pages:
            text = page.search_body_text() if hasattr(page, "search_body_text") else ""
            entries.append(
                {
                    "page": page,
                    "title": highlight(page.title, stems),
                    "extract": extract(text, stems) if text else "",
                    "type": str(page._meta.verbose_name).capitalize(),
                    "date": page.last_published_at,
                }
            )
        return entries

    def context(self) -> dict:
        context = super().context()
        context.update(
            {
                "search": self,
                "entries": self.entries(context["page_obj"]),
                "corrected_query": self.corrected_query,
                "relaxed": self.relaxed,
            }
        )
        return context


class SummarisedResults(Sequence):
    """The ranked results as the paginator sees them: the summary's total, and pages fetched by id."""

    def __init__(self, search: SiteSearch):
        self.search = search
        self.total = search._summary(search.search_text, search.operator).total

    def __len__(self):
        return self.total

    def __getitem__(self, item):
        if not isinstance(item, slice):
            raise TypeError("only slices of the results are fetched")
        offset = item.start or 0
        summary = self.search._summary(self.search.search_text, self.search.operator, offset=offset)
        # The fast path fetched this page's ids only; the generic path holds every id, in order.
        start = offset - summary.offset
        ids = summary.page_ids[start : (item.stop - summary.offset) if item.stop is not None else None]
        pages = Page.objects.filter(pk__in=ids).specific().in_bulk() if ids else {}
        return [pages[page_id] for page_id in ids if page_id in pages]
