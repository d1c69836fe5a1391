"""One-letter typo correction for a query that finds nothing ("convnetion" → "convention").

Candidates are the words one edit away (deletion, transposition, replacement, insertion) that the
site's visible titles and descriptions use; the most frequent wins. The vocabulary is cached under
the content generation (core/caching/): a publication, an unpublication or any content change
bumps it, and a query finding nothing then reads the titles again once.
"""

from collections import Counter

from django.core.cache import cache

from wagtail.models import Page

from core import caching
from core.text import words

VOCABULARY_CACHE_SECONDS = 3600
LETTERS = "abcdefghijklmnopqrstuvwxyz"


def _edits1(word: str) -> set[str]:
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    deletes = [a + b[1:] for a, b in splits if b]
    transposes = [a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1]
    replaces = [a + c + b[1:] for a, b in splits if b for c in LETTERS]
    inserts = [a + c + b for a, b in splits for c in LETTERS]
    return set(deletes + transposes + replaces + inserts)


def vocabulary() -> Counter:
    """Folded words of the visible pages' titles and descriptions, cached until the content changes."""
    # Keyed by the generation rather than by the pages' count and latest date: that aggregate read
    # every page on each query finding nothing (30 ms at 100,000 resources).
    key = f"search-vocabulary-{caching.generation()}"
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
