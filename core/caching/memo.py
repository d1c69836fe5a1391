"""Small values read from the content on nearly every request (the view restrictions, the site of
a host, the menus), kept in each process's memory under the content generation.

Why in memory rather than in the shared cache: they are read several times per request, and a
read from memory costs nothing where a cache round trip plus unpickling costs what the query did.
Why keyed by the generation: every change to pages, sites, restrictions or their groups bumps it
(invalidation.py), so a value is recomputed by the first request after a change, in every process,
and never outlives it. With the replica, a request under a new generation reads it only once it
holds the change (core/replica.py), so a value recomputed then is already the new one.

When the cache is unreachable, each request sees a generation of its own (caching.generation): the
values are then recomputed on every request, as if there were no memo. A value computed inside a
transaction is not kept either: it may hold the transaction's own writes, which a rollback would
undo without bumping the generation (a restriction deleted then restored must never stay deleted
here).
"""

import threading

from django.db import transaction

from . import generation

# At most this many values per name and generation: the site is looked up per host name, which
# comes from the request (Host header), so its keys must not grow without bound.
MAX_KEYS = 64

_values: dict[str, tuple[int, dict]] = {}
_lock = threading.Lock()


def remembered(name: str, key, compute, request=None):
    """`compute()`, or its value already computed under the current content generation.

    `request`: the generation this request already read (caching.generation(request)), to spare a
    cache round trip. Not before its own writes: it would then fix an older generation for its
    fragments too.
    """
    current = generation(request)
    with _lock:
        kept_generation, values = _values.get(name, (None, {}))
        if kept_generation == current and key in values:
            return values[key]
    value = compute()
    if transaction.get_connection().in_atomic_block:
        return value
    with _lock:
        kept_generation, values = _values.get(name, (None, {}))
        if kept_generation != current or len(values) >= MAX_KEYS:
            values = {}
        values[key] = value
        _values[name] = (current, values)
    return value
