"""Site search: French full-text matching over every visible page, facets, extracts and suggestions.

Matching goes through Wagtail's database search backend (FTS5 on SQLite, tsvector on PostgreSQL)
against the folded, stemmed fields every `BasePage` indexes (see core/text.py, core/matching.py). Around it:
who may see what (drafts never, restricted pages only for those allowed), facets that work on
any page type having the field, a relaxed "any word" pass and a one-letter typo correction when
nothing matches, and highlighted extracts. On PostgreSQL a results page's total, facet counts and
ranked page come from one statement (resources/search/postgres.py).
"""

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.core.exceptions import FieldDoesNotExist
from django.db import connection
from django.db.models import CharField, Count, Exists, Max, OuterRef, Q, prefetch_related_objects
from django.db.models.functions import Cast
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe

from wagtail.models import Page, PageViewRestriction, get_page_models
from wagtail.search.index import RelatedFields
from wagtail.search.models import IndexEntry
from wagtail.search.query import And, Or, PlainText

from core.listing import Facet, FacetedListing, FacetOption, FacetState, Sort, choices
from core.matching import matching, ranked
from core.taxonomy.models import Phase, Role
from core.text import STOPWORDS, WORD_RE, clean_query, fold, stem, stemmed_text, words
from resources.library.models import ResourceKind

from .postgres import Summary, summarise

MAX_SUGGESTIONS = 8
MAX_SUGGESTION_QUERY = 60
RESULTS_PER_PAGE = 10
EXTRACT_LENGTH = 240
VOCABULARY_CACHE_SECONDS = 3600

SORTS = {
    "pertinence": Sort("Pertinence", ()),
    "date": Sort("Date de publication (récent d'abord)", ("-last_published_at", "-id")),
}


# --- Who may see what -------------------------------------------------------------------------


def _restriction_allows(restriction, user) -> bool:
    if restriction.restriction_type == PageViewRestriction.NONE:
        return True
    if restriction.restriction_type == PageViewRestriction.LOGIN:
        return user.is_authenticated
    if restriction.restriction_type == PageViewRestriction.GROUPS:
        if not user.is_authenticated:
            return False
        if user.is_superuser:
            return True
        return bool({group.pk for group in restriction.groups.all()} & _user_group_ids(user))
    # A password restriction is granted per browser session, page by page: search never reveals it.
    return False


def _user_group_ids(user) -> set[int]:
    if not hasattr(user, "_search_group_ids"):
        user._search_group_ids = set(user.groups.values_list("pk", flat=True))
    return user._search_group_ids


def visible_pages(user):
    """Live pages of the site this user may read: drafts never; restricted pages only if allowed."""
    pages = Page.objects.live().filter(depth__gt=1)
    restrictions = PageViewRestriction.objects.select_related("page").prefetch_related("groups")
    for restriction in restrictions:
        if not _restriction_allows(restriction, user):
            pages = pages.not_descendant_of(restriction.page, inclusive=True)
    return pages


# --- One-letter typos -------------------------------------------------------------------------

LETTERS = "abcdefghijklmnopqrstuvwxyz"


def _edits1(word: str) -> set[str]:
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    deletes = [a + b[1:] for a, b in splits if b]
    transposes = [a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1]
    replaces = [a + c + b[1:] for a, b in splits if b for c in LETTERS]
    inserts = [a + c + b for a, b in splits for c in LETTERS]
    return set(deletes + transposes + replaces + inserts)


def vocabulary() -> Counter:
    """Folded words of the visible pages' titles and descriptions, cached until a page changes."""
    state = Page.objects.live().aggregate(n=Count("pk"), last=Max("last_published_at"))
    last = state["last"].timestamp() if state["last"] else 0
    key = f"search-vocabulary-{state['n']}-{last:.0f}"
    counts = cache.get(key)
    if counts is None:
        counts = Counter()
        for title, description in Page.objects.live().public().values_list("title", "search_description"):
            counts.update(words(f"{title} {description}"))
        cache.set(key, counts, VOCABULARY_CACHE_SECONDS)
    return counts


def correct_typos(query: str) -> str:
    """The query with each unknown word replaced by the most frequent known word one letter away."""
    known = vocabulary()
    corrected, changed = [], False
    for word in words(query):
        if len(word) >= 4 and word not in known and not word.isdigit():
            candidates = [candidate for candidate in _edits1(word) if candidate in known]
            if candidates:
                word = max(candidates, key=lambda candidate: (known[candidate], candidate))
                changed = True
        corrected.append(word)
    return " ".join(corrected) if changed else ""


# --- Extracts ---------------------------------------------------------------------------------


def _is_hit(word: str, query_stems: set[str]) -> bool:
    folded = fold(word)
    return len(folded) > 1 and folded not in STOPWORDS and stem(folded) in query_stems


def highlight(text: str, query_stems: set[str]):
    """Escaped text with the words matching the query wrapped in <mark>."""
    pieces, position = [], 0
    for match in WORD_RE.finditer(text):
        if _is_hit(match.group(), query_stems):
            pieces.append(escape(text[position : match.start()]))
            pieces.append(f"<mark>{escape(match.group())}</mark>")
            position = match.end()
    pieces.append(escape(text[position:]))
    # Safe (bandit B308/B703 reviewed): every piece is escaped above; only our <mark> tags are added.
    return mark_safe("".join(pieces))  # nosec  # noqa: S308


def extract(text: str, query_stems: set[str], length: int = EXTRACT_LENGTH):
    """A window of the text around its first matching word, highlighted; the start if none match."""
    text = " ".join(text.split())
    start = 0
    for match in WORD_RE.finditer(text):
        if _is_hit(match.group(), query_stems):
            start = max(0, match.start() - length // 4)
            break
    if start:
        space = text.find(" ", start)
        start = space + 1 if 0 <= space < match.start() else start
    window = text[start : start + length]
    if start + length < len(text):
        window = window.rsplit(" ", 1)[0] + " …"
    return format_html("{}{}", "… " if start else "", highlight(window, query_stems))


# --- Facets over any page type ----------------------------------------------------------------


def _models_with_field(field_name: str) -> list:
    models = []
    for model in get_page_models():
        if model is Page or model._meta.abstract:
            continue
        try:
            field = model._meta.get_field(field_name)
        except FieldDoesNotExist:
            continue
        if field.is_relation and field.concrete:
            models.append(model)
    return models


@dataclass
class PageFacet(Facet):
    """A facet on a relation (kind, phases, roles) that any page type may have under that name."""

    field: str = ""

    def models(self):
        return _models_with_field(self.field)

    def restrict(self, queryset, values):
        condition = Q(pk__in=[])
        for model in self.models():
            condition |= Q(pk__in=model.objects.filter(**{f"{self.field}__slug__in": values}).values("pk"))
        return queryset.filter(condition)

    def counts(self, matched, values) -> Counter:
        counts = Counter()
        lookup = f"{self.field}__slug"
        for model in self.models():
            rows = (
                model.objects.filter(pk__in=matched.values("pk"))
                .order_by()
                .values(lookup)
                .annotate(n=Count("pk", distinct=True))
            )
            counts.update({row[lookup]: row["n"] for row in rows if row[lookup]})
        return counts


@dataclass
class ContentTypeFacet(Facet):
    """The kind of page (guide, ressource, startup…), from Wagtail's content types."""

    field: str = ""

    def restrict(self, queryset, values):
        models = {model._meta.model_name: model for model in get_page_models()}
        types = ContentType.objects.get_for_models(*[models[value] for value in values if value in models])
        return queryset.filter(content_type__in=list(types.values()))

    def counts(self, matched, values) -> Counter:
        rows = Page.objects.filter(pk__in=matched.values("pk")).order_by().values("content_type")
        counts = Counter()
        for row in rows.annotate(n=Count("pk")):
            model = ContentType.objects.get_for_id(row["content_type"]).model_class()
            if model is not None:
                counts[model._meta.model_name] = row["n"]
        return counts


def _content_type_choices():
    models = [model for model in get_page_models() if model is not Page]
    labels = [(model._meta.model_name, str(model._meta.verbose_name_plural).capitalize()) for model in models]
    return sorted(labels, key=lambda item: item[1])


def site_facets():
    return [
        ContentTypeFacet("contenu", "Type de contenu", "content_type", _content_type_choices),
        PageFacet(
            "type",
            "Type de ressource",
            "kind__slug",
            choices(ResourceKind.objects.all()),
            field="kind",
        ),
        PageFacet("phase", "Phase", "phases__slug", choices(Phase.objects.all()), field="phases"),
        PageFacet("role", "Rôle", "roles__slug", choices(Role.objects.all()), field="roles"),
    ]


# --- The search page --------------------------------------------------------------------------


class SiteSearch(FacetedListing):
    """The /recherche/ state: query, facets, sort and page from the URL, results and their counts."""

    def __init__(self, request, *, per_page: int = RESULTS_PER_PAGE):
        super().__init__(
            request,
            visible_pages(request.user),
            site_facets(),
            sorts=SORTS,
            per_page=per_page,
        )
        self.query = clean_query(request.GET.get("q", ""))
        self._candidates = {}  # matching ids per (model, query, operator), shared by this request's queries
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
        """Total and facet counts of a text, computed once per request (with the page on PostgreSQL)."""
        key = (text, operator)
        summary = self._summaries.get(key)
        if summary is not None and (offset is None or summary.offset == offset):
            return summary
        if connection.vendor == "postgresql":
            number = self.requested_page() or 1
            summary = summarise(
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
            summary = Summary(total=matching(self._faceted(), text, operator=operator).count(), counts={})
        self._summaries[key] = summary
        return summary

    def _faceted(self, skip: str | None = None):
        queryset = self.base
        for facet in self.facets:
            values = self.selected[facet.param]
            if values and facet.param != skip:
                queryset = facet.restrict(queryset, values)
        return queryset

    def _matched(self, skip: str | None = None):
        return matching(self._faceted(skip), self.search_text, operator=self.operator, cache=self._candidates)

    @property
    def query_stems(self) -> set[str]:
        return {stem(word) for word in words(self.search_text)}

    @property
    def results(self):
        if not self.is_searchable:
            return Page.objects.none()
        queryset = self._faceted().specific()
        if self.sort == "pertinence":
            return ranked(queryset, self.search_text, operator=self.operator)
        return matching(queryset, self.search_text, operator=self.operator, cache=self._candidates).order_by(
            *self.sorts[self.sort].ordering
        )

    def page(self):
        if connection.vendor != "postgresql" or not self.is_searchable:
            return super().page()
        return self.paginate(SummarisedResults(self))

    def _counts(self, facet) -> Counter:
        summary = self._summary(self.search_text, self.operator)
        if facet.param not in summary.counts:  # the ORM path counts each facet on its own
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
        _prefetch_search_relations(pages)
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
        ids = summary.page_ids[: (item.stop - offset) if item.stop is not None else None]
        pages = Page.objects.filter(pk__in=ids).specific().in_bulk() if ids else {}
        return [pages[page_id] for page_id in ids if page_id in pages]


def _prefetch_search_relations(pages):
    """Load the related objects the extracts read (a resource's kind…): one query per type, not per row."""
    by_class = defaultdict(list)
    for page in pages:
        by_class[type(page)].append(page)
    for model, group in by_class.items():
        relations = [
            field.field_name for field in model.get_search_fields() if isinstance(field, RelatedFields)
        ]
        if relations:
            prefetch_related_objects(group, *relations)


# --- Autocomplete -----------------------------------------------------------------------------


def _typed_words(raw_query) -> list[str]:
    """The folded words typed so far, bounded (the last may be incomplete)."""
    typed, length = [], 0
    for word in WORD_RE.findall(fold(clean_query(raw_query))):
        length += len(word) + 1
        if length > MAX_SUGGESTION_QUERY:
            break
        typed.append(word)
    return typed


def _word_forms(word: str) -> list[str]:
    """The word as typed and its stem: "recrutement" then also finds "Recruter…" by the prefix "recrut"."""
    return list(dict.fromkeys([word, stem(word)]))


def _postgres_suggested(pages, typed: list[str]):
    """Newest visible pages whose title words start like every typed word (or its stem).

    Written as a per-page EXISTS on the index's unique (content type, object id) key, newest page
    first: for the one to three letters of the first keystrokes, which match thousands of titles,
    PostgreSQL walks the pages backwards and stops at the first few; for rare words it reads the
    autocomplete GIN index instead.
    """
    from django.contrib.postgres.search import SearchQuery

    raw = " & ".join("(" + " | ".join(f"{form}:*" for form in _word_forms(word)) + ")" for word in typed)
    entries = IndexEntry.objects.filter(
        content_type_id=OuterRef("content_type_id"),
        object_id=Cast(OuterRef("pk"), CharField()),
        autocomplete=SearchQuery(raw, config="simple", search_type="raw"),
    )
    return pages.filter(Exists(entries)).order_by("-pk")


def suggestions(request, raw_query, limit: int = MAX_SUGGESTIONS) -> list[dict]:
    """Page titles whose words start like the typed words, or their stems (accents ignored)."""
    typed = _typed_words(raw_query)
    if not typed:
        return []
    pages = visible_pages(request.user)
    if connection.vendor == "postgresql":
        pages = _postgres_suggested(pages, typed)[:limit]
    else:
        # No relevance ranking: on a prefix of one to three letters it means little.
        query = And([Or([PlainText(form) for form in _word_forms(word)]) for word in typed])
        pages = pages.order_by("title").autocomplete(query, order_by_relevance=False)[:limit]
    return [
        {
            "title": page.title,
            "url": page.get_url(request=request),
            "type": str(page.specific_class._meta.verbose_name).capitalize() if page.specific_class else "",
        }
        for page in pages
    ]
