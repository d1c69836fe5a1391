"""URL-driven faceted listings shared by the directories, the resource library and the search page.

The whole state lives in the query string (`?phase=construction&incubateur=dinum&page=2`), so a
filtered list can be shared and works without JavaScript. Each facet costs one COUNT query and
the page of results one more, whatever the number of rows or the page size.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.db.models import Count, Q, QuerySet
from django.utils.text import slugify

from core.text import clean_query

MAX_VALUE_LENGTH = 100
# A long facet (145 sponsors, every incubator…) shows its most frequent options, the selected ones
# always, and a « voir plus » link (?voir=sponsor) that lists them all: a plain link, so it works
# without JavaScript, and the page stays light (issue #19: under 100 KB of HTML at 10× content).
SHORT_FACET_OPTIONS = 8
# Truncating saves nothing below this: « voir 2 de plus » would cost as much as the two options.
LONG_FACET_OPTIONS = 12
EXPAND_PARAM = "voir"


def choices(queryset, value: str = "slug", label: str = "name") -> Callable[[], list[tuple[str, str]]]:
    """A facet's choices, read when the listing is built: (value, label) pairs of a queryset."""
    return lambda: list(queryset.values_list(value, label))


@dataclass
class Facet:
    """One filter of a listing: its URL parameter, its label and where its values live."""

    param: str
    label: str
    lookup: str  # ORM path from the listed model to the value's slug, e.g. "phases__slug"
    choices: Callable[[], list[tuple[str, str]]]  # every possible (slug, label), in display order
    # For values that are not a related slug (a boolean, an item of a JSON list): a condition per
    # value. Counts then come from one conditional aggregate, still one query per facet.
    condition: Callable[[str], Q] | None = None

    def matching(self, values: list[str]) -> Q:
        if self.condition is None:
            return Q(**{f"{self.lookup}__in": values})
        query = Q()
        for value in values:
            query |= self.condition(value)
        return query

    def counts(self, queryset: QuerySet, values: list[str]) -> dict[str, int]:
        """Rows of `queryset` per value, in one query; subclasses count where their values live."""
        if self.condition is None:
            rows = queryset.values(self.lookup).annotate(n=Count("pk", distinct=True))
            return {row[self.lookup]: row["n"] for row in rows}
        if not values:
            return {}
        totals = queryset.aggregate(
            **{
                f"n{index}": Count("pk", filter=self.condition(value), distinct=True)
                for index, value in enumerate(values)
            }
        )
        return {value: totals[f"n{index}"] for index, value in enumerate(values)}


@dataclass
class FacetOption:
    value: str
    label: str
    count: int
    selected: bool
    html_id: str = ""  # the checkbox's id: values may be free text (« Data Science »), ids may not


def _html_ids(param: str, options: list[FacetOption]):
    """`param-slug` ids, unique within the facet (« UX design » and « ux-design » share a slug)."""
    used = set()
    for option in options:
        base = f"{param}-{slugify(option.value) or 'valeur'}"
        candidate, number = base, 1
        while candidate in used:
            number += 1
            candidate = f"{base}-{number}"
        used.add(candidate)
        option.html_id = candidate


@dataclass
class FacetState:
    facet: Facet
    options: list[FacetOption] = field(default_factory=list)
    hidden: int = 0  # options left out of a long facet, behind « voir plus »
    expanded: bool = False  # a long facet listed in full (?voir=…)
    toggle_query: str = ""  # the query string that shows it in full, or short again

    def __post_init__(self):
        _html_ids(self.facet.param, self.options)

    @property
    def selected(self):
        return [option for option in self.options if option.selected]

    @property
    def long(self) -> bool:
        return bool(self.hidden) or self.expanded


@dataclass
class Sort:
    label: str
    ordering: tuple[str, ...]


class FacetedListing:
    """Filters, counts, sorts and paginates a queryset from a request's query string."""

    def __init__(
        self,
        request,
        queryset: QuerySet,
        facets: list[Facet],
        *,
        sorts: dict[str, Sort],
        text_filter: Callable[[QuerySet, str], QuerySet] | None = None,
        per_page: int = 20,
    ):
        self.request = request
        self.base = queryset
        self.facets = facets
        self.sorts = sorts
        self.text_filter = text_filter
        self.per_page = per_page
        self.query = clean_query(request.GET.get("q", ""))
        self.sort = request.GET.get("tri", "")
        if self.sort not in sorts:
            self.sort = next(iter(sorts))
        self.choices = {facet.param: facet.choices() for facet in facets}
        self.selected = {facet.param: self._selected_values(facet) for facet in facets}
        asked = set(request.GET.getlist(EXPAND_PARAM))
        self.expanded = [facet.param for facet in facets if facet.param in asked]

    def _selected_values(self, facet: Facet) -> list[str]:
        known = {value for value, _ in self.choices[facet.param]}
        values = [value[:MAX_VALUE_LENGTH] for value in self.request.GET.getlist(facet.param)]
        # Unknown values (stale links, forged URLs) are ignored rather than failing.
        return [value for value in dict.fromkeys(values) if value in known]

    def _filtered(self, skip: str | None = None) -> QuerySet:
        queryset = self.base
        if self.query and self.text_filter is not None:
            queryset = self.text_filter(queryset, self.query)
        for facet in self.facets:
            values = self.selected[facet.param]
            if values and facet.param != skip:
                matching = self.base.model.objects.filter(facet.matching(values))
                queryset = queryset.filter(pk__in=matching.values("pk"))
        return queryset

    @property
    def results(self) -> QuerySet:
        return self._filtered().order_by(*self.sorts[self.sort].ordering)

    def facet_states(self) -> list[FacetState]:
        """Each facet's options with counts computed under the *other* facets' filters.

        A long facet keeps its SHORT_FACET_OPTIONS most frequent options (most frequent first) and
        every selected one, unless it was expanded; `hidden` says how many are behind « voir plus ».
        """
        states = []
        for facet in self.facets:
            counts = self._counts(facet)
            selected = set(self.selected[facet.param])
            options = [
                FacetOption(value, label, counts.get(value, 0), value in selected)
                for value, label in self.choices[facet.param]
                if counts.get(value) or value in selected
            ]
            state = FacetState(facet, options, expanded=facet.param in self.expanded)
            if len(options) > LONG_FACET_OPTIONS and not state.expanded:
                # sorted() is stable: equal counts keep the display order, so the choice is repeatable.
                top = sorted(options, key=lambda option: -option.count)[:SHORT_FACET_OPTIONS]
                shown = top + [option for option in options if option.selected and option not in top]
                state.options, state.hidden = shown, len(options) - len(shown)
            if state.long:
                others = [param for param in self.expanded if param != facet.param]
                state.toggle_query = self.querystring(
                    **{EXPAND_PARAM: others if state.expanded else [*others, facet.param]}
                )
            states.append(state)
        return states

    def _counts(self, facet: Facet) -> dict[str, int]:
        queryset = self._filtered(skip=facet.param).order_by()
        return facet.counts(queryset, [value for value, _ in self.choices[facet.param]])

    def requested_page(self) -> int | None:
        """The page number asked for: 1 when unreadable, None when absurdly large (the last page)."""
        raw = self.request.GET.get("page", "1")
        # isdigit() alone accepts "²" or "١", which int() refuses or reads as another number.
        if not (raw.isascii() and raw.isdigit()):
            return 1
        if len(raw) > 6:
            return None
        return int(raw)

    def page(self):
        return self.paginate(self.results)

    def paginate(self, object_list):
        paginator = Paginator(object_list, self.per_page)
        number = self.requested_page()
        number = paginator.num_pages if number is None else min(number, paginator.num_pages)
        return paginator.get_page(number)

    def querystring(self, **overrides) -> str:
        """The current state as a query string, without the page number.

        An override replaces a parameter: a string, a list of values, or "" / [] to remove it.
        """
        params = []
        if self.query:
            params.append(("q", self.query))
        for facet in self.facets:
            params.extend((facet.param, value) for value in self.selected[facet.param])
        if self.sort != next(iter(self.sorts)):
            params.append(("tri", self.sort))
        params.extend((EXPAND_PARAM, param) for param in self.expanded)
        for key, value in overrides.items():
            params = [(k, v) for k, v in params if k != key]
            params.extend((key, item) for item in ([value] if isinstance(value, str) else value) if item)
        return urlencode(params)

    def removal_links(self) -> list[dict]:
        """One link per active filter that removes just that filter (DSFR dismissible tags)."""
        links = []
        for facet in self.facets:
            labels = dict(self.choices[facet.param])
            for value in self.selected[facet.param]:
                params = [
                    (key, item)
                    for key, items in self.request.GET.lists()
                    for item in items
                    if key != "page" and (key, item) != (facet.param, value)
                ]
                links.append({"label": f"{facet.label} : {labels[value]}", "query": urlencode(params)})
        return links

    def context(self) -> dict:
        page = self.page()
        return {
            "listing": self,
            "page_obj": page,
            "facet_states": self.facet_states(),
            "query": self.query,
            "sort": self.sort,
            "sorts": self.sorts,
            "query_string": self.querystring(),
            "active_filters": self.removal_links(),
            "expanded_facets": self.expanded,
        }
