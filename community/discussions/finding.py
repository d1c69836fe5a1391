"""Threads for site search: those of the groups the searcher may read, matched on title and on
visible messages (a hidden message is never searched, whoever asks).

Decision: threads are not Wagtail pages, so they are matched in the database here and shown in
their own block of /recherche/ (resources/search), not ranked among pages; the reading rule is the
group's (`Group.objects.readable_by`), the same as the thread pages.
"""

import re

from django.db.models import Exists, OuterRef, Q

from core.text import fold

from .models import Message, Thread

MAX_THREADS = 10
_WORD = re.compile(r"\w{2,}")


def _word_condition(word: str) -> Q:
    variants = {word, fold(word)}
    condition = Q()
    for variant in variants:
        visible = Message.objects.filter(thread=OuterRef("pk"), hidden=False, body__icontains=variant)
        condition |= Q(title__icontains=variant) | Q(Exists(visible))
    return condition


def matching_threads(user, query: str, limit: int = MAX_THREADS) -> list[Thread]:
    """The threads readable by `user` whose title or a visible message holds every word of the query."""
    query_words = _WORD.findall(query.lower())[:8]
    if not query_words:
        return []
    threads = Thread.objects.readable_by(user).select_related("group")
    for word in query_words:
        threads = threads.filter(_word_condition(word))
    return list(threads.order_by("-last_activity_at", "-pk")[:limit])


def suggested_threads(user, query: str, limit: int) -> list[dict]:
    """Header-search autocomplete: readable threads whose title holds each typed word (as typed or
    without accents), most recently active first. Titles only: a message, hidden or not, never
    suggests its thread."""
    words = _WORD.findall(query.lower())[:8]
    if not words or limit <= 0:
        return []
    # Only what a suggestion shows, as plain values: asked on each keystroke, the query's building
    # costs more than its run.
    threads = Thread.objects.readable_by(user)
    for word in words:
        condition = Q()
        for variant in {word, fold(word)}:
            condition |= Q(title__icontains=variant)
        threads = threads.filter(condition)
    found = threads.order_by("-last_activity_at", "-pk").values_list("pk", "title", "group__slug")[:limit]
    return [
        {
            "title": title,
            "url": Thread.url_for(slug, pk),
            "type": "Discussion de groupe",
        }
        for pk, title, slug in found
    ]
