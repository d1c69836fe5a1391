"""Autocomplete of the header search: visible page titles whose words start like the typed ones,
then the titles of the group threads the visitor may read.

Asked on each keystroke, so bounded: at most MAX_SUGGESTIONS titles, for the words typed within
MAX_SUGGESTION_QUERY characters, matched as prefixes of the folded title words Wagtail's index
keeps in its autocomplete fields: newest page first through our PostgreSQL backend (backend.py),
by title through Wagtail's autocomplete API on any other backend.
"""

from wagtail.search.backends import get_search_backend
from wagtail.search.query import And, Or, PlainText

from community.discussions.finding import suggested_threads
from core.text import WORD_RE, clean_query, fold, stem
from core.visibility import visible_pages

from .backend import FabriqueSearchBackend

MAX_SUGGESTIONS = 8
MAX_SUGGESTION_QUERY = 60
# Threads of the groups the visitor may read (community/discussions/finding.py) take at most this
# many of the places, after the pages: a busy group does not push every page out of the list.
MAX_THREAD_SUGGESTIONS = 3


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


def suggestions(request, raw_query, limit: int = MAX_SUGGESTIONS) -> list[dict]:
    """Page titles whose words start like the typed words, or their stems (accents ignored)."""
    typed = _typed_words(raw_query)
    if not typed:
        return []
    # The words as typed (accents kept) and folded: thread titles are matched in the database.
    typed_text = clean_query(raw_query)[:MAX_SUGGESTION_QUERY]
    threads = suggested_threads(request.user, typed_text, min(limit, MAX_THREAD_SUGGESTIONS))
    limit -= len(threads)
    pages = visible_pages(request.user)
    backend = get_search_backend()
    if isinstance(backend, FabriqueSearchBackend):
        prefixes = " & ".join(
            "(" + " | ".join(f"{form}:*" for form in _word_forms(word)) + ")" for word in typed
        )
        found_pages = backend.suggested(pages, prefixes, limit)
    else:
        # No relevance ranking: on a prefix of one to three letters it means little.
        query = And([Or([PlainText(form) for form in _word_forms(word)]) for word in typed])
        found_pages = pages.order_by("title").autocomplete(query, order_by_relevance=False)[:limit]
    found = [
        {
            "title": page.title,
            "url": page.get_url(request=request),
            "type": str(page.specific_class._meta.verbose_name).capitalize() if page.specific_class else "",
        }
        for page in found_pages
    ]
    return found + threads
