"""One-letter typo correction for a query that finds nothing ("convnetion" → "convention").

Candidates are the words one edit away (deletion, transposition, replacement, insertion) that the
site's visible titles and descriptions use; the most frequent wins. The vocabulary is cached until
a page is published or unpublished.
"""

from collections import Counter

from django.core.cache import cache
from django.db.models import Count, Max

from wagtail.models import Page

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
