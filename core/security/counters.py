"""The rate-limit counters' cache: Redis when it answers, an empty cache that lets everything through
when it does not.

Rate limits (ours in core/security/ratelimit.py and allauth's, see core/apps.py) keep their counters
in the "ratelimit" cache alias. If Redis is unreachable, refusing every login would lock everybody out
to stop a few attackers; so every operation answers as an empty cache that accepts every write would
(`add` succeeds, `get` finds nothing, `incr` starts a counter), a warning is logged, and the limits
simply do not apply until Redis is back. The socket timeouts of the alias are short (settings), and
after a failure the server is not tried again for `RETRY_AFTER_SECONDS`: during an outage each request
pays at most one short timeout per process and per few seconds, not one per counter.
"""

import logging
import time

from django_redis.cache import RedisCache
from django_redis.exceptions import ConnectionInterrupted
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)

RETRY_AFTER_SECONDS = 5
UNREACHABLE = (ConnectionInterrupted, RedisError, OSError)
# Per process: when each server (by location) may be tried again after a failure.
_retry_at: dict[str, float] = {}


class FailOpenRedisCache(RedisCache):
    """django-redis, except that an unreachable server behaves as an empty cache, at once."""

    def __init__(self, server, params):
        super().__init__(server, params)
        self._ignore_exceptions = False  # errors come to `_guarded`, which decides what they mean

    def _guarded(self, operation, fallback, *args, **kwargs):
        if time.monotonic() < _retry_at.get(self._server, 0):
            return fallback
        try:
            return operation(*args, **kwargs)
        except UNREACHABLE as error:
            _retry_at[self._server] = time.monotonic() + RETRY_AFTER_SECONDS
            logger.warning(
                "Compteurs de limitation injoignables (%s) : les actions passent sans limite "
                "pendant que le cache est indisponible. %s",
                self._server,
                error,
            )
            return fallback

    def add(self, key, value, timeout=None, version=None, **kwargs):
        return self._guarded(super().add, True, key, value, timeout=timeout, version=version, **kwargs)

    def get(self, key, default=None, version=None, client=None):
        return self._guarded(super().get, default, key, default=default, version=version, client=client)

    def set(self, key, value, timeout=None, version=None, **kwargs):
        return self._guarded(super().set, True, key, value, timeout=timeout, version=version, **kwargs)

    def incr(self, key, delta=1, version=None, **kwargs):
        return self._guarded(super().incr, delta, key, delta=delta, version=version, **kwargs)

    def delete(self, key, version=None, **kwargs):
        return self._guarded(super().delete, False, key, version=version, **kwargs)

    def get_many(self, keys, version=None, **kwargs):
        return self._guarded(super().get_many, {}, keys, version=version, **kwargs)

    def clear(self):
        return self._guarded(super().clear, None)
