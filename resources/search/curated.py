"""The site search with the editors' curation: synonyms expand the query, pinned pages come first.

A subclass of results.SiteSearch so that matching, facets and counting stay where they are: the
typed query is kept for display, the expanded one is what gets searched.
"""

from .pins import pinned_pages
from .results import SiteSearch
from .synonyms import expand


class CuratedSearch(SiteSearch):
    """SiteSearch, searching a synonym's expansion and listing the pinned pages apart, first."""

    typed_query = ""
    expanded_query = ""

    def _choose_query(self):
        """The expansion goes through the usual choice (all words, typo, any word), then the typed
        query comes back: links to facets and pages keep what the member typed."""
        self.typed_query = self.query
        self.expanded_query = expand(self.query)
        if self.expanded_query:
            self.query = self.expanded_query
        try:
            super()._choose_query()
        finally:
            self.query = self.typed_query

    @property
    def search_text(self) -> str:
        return self.corrected_query or self.expanded_query or self.query

    def pinned(self) -> list:
        if not self.typed_query or self.request.GET.get("page", "1") != "1":
            return []
        return pinned_pages(self.typed_query, self.request.user)

    def context(self) -> dict:
        context = super().context()
        pinned = self.pinned()
        pinned_ids = {page.pk for page in pinned}
        context.update(
            {
                "synonym_query": self.expanded_query,
                "pinned_pages": pinned,
                # A pinned page is not listed twice on the first page.
                "entries": [entry for entry in context["entries"] if entry["page"].pk not in pinned_ids],
            }
        )
        return context
