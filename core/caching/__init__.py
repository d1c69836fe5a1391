"""The site-wide content generation: one number in the cache that keys every cached page and fragment.

Every publication, unpublication, move or deletion of a page, and every change to a snippet, setting,
image or document, bumps it (`core/caching/invalidation.py`). Cached pages and fragments carry the
generation they were rendered under and are ignored as soon as it moves on, so nothing is ever
deleted key by key and an editor never sees stale content after publishing.

Why one number for the whole site rather than per page: most pages show other pages (menus, footer,
section listings, home page lists, key figures, related pages, taxonomy names), so tracking exactly
which cached page depends on what would be fragile; publications are rare (a few an hour) compared
with reads, and a bump only costs one re-render of each page visited afterwards.
"""

import time
from contextlib import contextmanager
from contextvars import ContextVar

from django.conf import settings
from django.core.cache import cache

from core import replica

GENERATION_KEY = "fabrique:content-generation"
_REQUEST_ATTRIBUTE = "_fabrique_content_generation"
# Inside `bumps_deferred()`: False, or True once a bump is owed; None elsewhere.
_owed = ContextVar("fabrique_bump_owed", default=None)


def enabled() -> bool:
    return settings.FABRIQUE_PAGE_CACHE


def timeout() -> int:
    """Seconds a cached page or fragment lives (0 when caching is off: the tags then store nothing)."""
    return settings.FABRIQUE_PAGE_CACHE_TIMEOUT if enabled() else 0


def _fresh_start() -> int:
    # A clock-based start, so a generation lost to cache eviction or a restart of Redis never comes
    # back to a value that older cached pages still carry.
    return time.time_ns()


def remember(request, value: int) -> int:
    """Keep the generation read for this request, so the page and its fragments agree on it."""
    if request is not None:
        setattr(request, _REQUEST_ATTRIBUTE, value)
    return value


def generation(request=None) -> int:
    """The current content generation (read once per request)."""
    if request is not None and hasattr(request, _REQUEST_ATTRIBUTE):
        return getattr(request, _REQUEST_ATTRIBUTE)
    value = cache.get(GENERATION_KEY)
    if value is None:
        cache.add(GENERATION_KEY, _fresh_start(), timeout=None)
        value = cache.get(GENERATION_KEY)
        if value is None:  # the cache is unreachable: a unique value means "never a hit"
            value = _fresh_start()
    return remember(request, value)


def bump() -> None:
    """Make every cached page and fragment stale."""
    if _owed.get() is not None:
        _owed.set(True)
        return
    # First the primary's position, then the new generation: a page rendered under the new
    # generation reads the replica only once it holds the change (core/replica.py).
    replica.note_content_change()
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:  # no generation yet (or evicted): start a new one
        cache.set(GENERATION_KEY, _fresh_start(), timeout=None)


@contextmanager
def bumps_deferred():
    """One bump on the way out instead of one per saved row, for bulk writers such as importers.

    An import saves thousands of rows, each bumping twice (now and after its commit): thousands of
    cache round trips for one change the visitors see. Pages cached meanwhile are made stale by the
    final bump, which comes after the last record's commit.
    """
    if _owed.get() is not None:  # already deferring: the outermost block bumps
        yield
        return
    token = _owed.set(False)
    try:
        yield
    finally:
        owed = _owed.get()
        _owed.reset(token)
        if owed:
            bump()
