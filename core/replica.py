"""A read replica, used: reads that may lag go to it; writes, and what writers and editors read, do not.

`DATABASE_REPLICA_URL` configures the `replica` database alias (a PostgreSQL streaming standby,
README « Réplique en lecture »). The middleware marks each request:

- reads may go to the replica for a GET or HEAD of the public site (pages, listings, search,
  suggestions, directory, API), by an anonymous visitor or a member, outside the personal paths
  and the admin (`FABRIQUE_PAGE_CACHE_EXCLUDED_PREFIXES`);
- everything else reads the primary: editors and administrators (staff, whose own changes must
  show at once), the admin, forms, and a browser that wrote in the last
  `FABRIQUE_REPLICA_PIN_SECONDS` (a cookie: it reads its own writes on the next pages too);
- the first write of a request (the router sees it) pins its later reads to the primary.

Freshness: every content change (the page cache's generation bump, core/caching) notes the
primary's WAL position in the cache *before* the generation moves; a request reads the replica
only once the replica has replayed up to that position. So no page is rendered from a replica
that misses a change already announced, and none is stored stale in the page cache, on any node.
While the replica lags (or is down), requests simply read the primary.

Without the alias (a laptop, migrations), the router answers "default" and nothing changes. In
the test suite the alias is a test mirror (`TEST: {"MIRROR": "default"}`: the standby, on the test
database's name, neither created nor flushed); reading it would miss each test's transaction, so
the primary is read, except in tests/core/test_replica.py, which makes the alias a replica again.
"""

import logging
from contextvars import ContextVar
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.db import DEFAULT_DB_ALIAS, DatabaseError, connections

logger = logging.getLogger(__name__)

REPLICA = "replica"
PIN_COOKIE = "fabrique_primaire"
POSITION_KEY = "fabrique:replica:content-position"
# PostgreSQL's WAL layout (default build): page and segment sizes, and their headers' lengths.
WAL_PAGE, WAL_PAGE_HEADER = 8192, 24
WAL_SEGMENT, WAL_SEGMENT_HEADER = 16 * 1024 * 1024, 40
# Read their own writes whatever the lag: sessions (a login just written), login attempts.
PRIMARY_ONLY_APPS = frozenset({"sessions", "axes"})


@dataclass
class RequestReads:
    """Where one request reads: the replica while allowed, the primary once it has written."""

    replica: bool = False
    wrote: bool = False


_reads: ContextVar[RequestReads | None] = ContextVar("fabrique_request_reads", default=None)
_replayed = 0  # the furthest position this process has seen the replica replay (it only moves on)


def configured() -> bool:
    """Is there a replica to read? Not in the test suite, where it is a test mirror (see above)."""
    if REPLICA not in settings.DATABASES:
        return False
    return not connections[REPLICA].settings_dict.get("TEST", {}).get("MIRROR")


def _lsn(text: str | None) -> int | None:
    """A WAL position ("16/B374D848") as a number, to compare positions."""
    if not text:
        return None
    high, low = text.split("/")
    return (int(high, 16) << 32) + int(low, 16)


def _position(alias: str, function: str) -> int | None:
    try:
        with connections[alias].cursor() as cursor:
            cursor.execute(f"SELECT {function}::text")  # noqa: S608  # nosec B608 - our own constant
            return _lsn(cursor.fetchone()[0])
    except DatabaseError as error:
        logger.warning(
            "Réplique : position WAL illisible sur %s (%s), lecture sur le primaire.", alias, error
        )
        return None


def primary_position() -> int | None:
    """Where the primary's WAL ends, every change made so far included (None if unreadable).

    The insert position, not the written one: with asynchronous commits a commit record may
    still sit in the WAL buffers. At the very start of a WAL page the insert position points past
    the page's header, where a replayed record ending at that boundary points at the boundary
    itself: brought back to it, so an idle standby is seen as caught up.
    """
    position = _position(DEFAULT_DB_ALIAS, "pg_current_wal_insert_lsn()")
    if position is not None and position % WAL_PAGE == WAL_PAGE_HEADER:
        return position - WAL_PAGE_HEADER
    if position is not None and position % WAL_SEGMENT == WAL_SEGMENT_HEADER:
        return position - WAL_SEGMENT_HEADER
    return position


def replica_position() -> int | None:
    """Where the standby's replay has reached (None if unreadable)."""
    return _position(REPLICA, "pg_last_wal_replay_lsn()")


def note_content_change() -> int | None:
    """Remember the primary's WAL position: the replica serves reads again once it has replayed it.

    Called before the content generation moves. The stored position only moves forward (a slower
    writer noting an older position after a newer one must not lower it).
    """
    if not configured():
        return None
    position = primary_position()
    if position is not None:
        cache.set(POSITION_KEY, max(position, cache.get(POSITION_KEY) or 0), timeout=None)
    return position


def caught_up() -> bool:
    """Has the replica replayed every content change announced so far? (One cache read when it has.)"""
    global _replayed
    needed = cache.get(POSITION_KEY)
    if needed is None:  # never noted, or evicted: the primary's current position is a safe bound
        needed = note_content_change()
        if needed is None:
            return False
    if needed <= _replayed:
        return True
    replayed = replica_position()
    if replayed is None:
        return False
    _replayed = max(_replayed, replayed)
    return replayed >= needed


def _may_lag(request) -> bool:
    """May this request read the replica? Decided before the view runs (the user is read from the primary)."""
    if not configured() or request.method not in ("GET", "HEAD") or PIN_COOKIE in request.COOKIES:
        return False
    if request.path.startswith(settings.FABRIQUE_PAGE_CACHE_EXCLUDED_PREFIXES):
        return False
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated and (user.is_staff or user.is_superuser):
        return False
    return caught_up()


class ReplicaReadsMiddleware:
    """Marks the request's reads (replica or primary); after a write, pins the browser to the primary."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        reads = RequestReads(replica=_may_lag(request))
        token = _reads.set(reads)
        try:
            response = self.get_response(request)
        finally:
            _reads.reset(token)
        if reads.wrote and configured():
            response.set_cookie(
                PIN_COOKIE,
                "1",
                max_age=settings.FABRIQUE_REPLICA_PIN_SECONDS,
                secure=request.is_secure(),
                httponly=True,
                samesite="Lax",
            )
        return response


def reading_replica() -> bool:
    """Do this request's reads go to the replica right now?"""
    reads = _reads.get()
    return reads is not None and reads.replica


class ReplicaRouter:
    """Reads to the replica when the request allows it; writes, migrations and the rest to the primary."""

    def db_for_read(self, model, **hints):
        if reading_replica() and model._meta.app_label not in PRIMARY_ONLY_APPS:
            return REPLICA
        return DEFAULT_DB_ALIAS

    def db_for_write(self, model, **hints):
        reads = _reads.get()
        if reads is not None:  # read your own writes for the rest of the request
            reads.replica, reads.wrote = False, True
        return DEFAULT_DB_ALIAS

    def allow_relation(self, obj1, obj2, **hints):
        # The replica holds the primary's rows: an object read from either may point to the other.
        if {obj1._state.db, obj2._state.db} <= {DEFAULT_DB_ALIAS, REPLICA}:
            return True
        return None

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        return False if db == REPLICA else None
