"""A small rate limiter on Django's cache, shared by sign-up, feedback and contributions.

Each action counts against every key it carries (the client's address, the account, the email
typed…); the first counter over the limit refuses the action. A counter starts with the first
action and expires `period` seconds later (cache.add + cache.incr keep that expiry), so there is
no window boundary where twice the limit would pass.

Counters live in their own cache alias (`FABRIQUE_RATE_LIMIT_CACHE`, "ratelimit"): Redis with short
timeouts when REDIS_URL is set, shared by every worker; the local-memory cache on a laptop and in
tests. When that cache is unreachable the action is let through and a warning is logged: an outage
of the cache must never lock everybody out (core/security/counters.py). Logins are limited by
allauth's `ACCOUNT_RATE_LIMITS`, on the same alias (core/apps.py).
"""

import hashlib
import ipaddress
import logging

from django.conf import settings
from django.core.cache import caches
from django.utils.connection import ConnectionProxy

from core.security.clients import client_ip

logger = logging.getLogger(__name__)

RATE_LIMIT_MESSAGE = "Trop de tentatives en peu de temps : patientez une minute avant de réessayer."
IPV6_PREFIX = 64  # one subscriber's IPv6 network counts as one address, as allauth counts it


def counters():
    """The counters' cache, looked up on each use (tests may reconfigure CACHES)."""
    return ConnectionProxy(caches, settings.FABRIQUE_RATE_LIMIT_CACHE)


def address_key(request) -> str:
    """The client's address as a counter key (its /64 network for IPv6)."""
    address = client_ip(request)
    try:
        parsed = ipaddress.ip_address(address)
    except ValueError:
        return f"ip:{address}"
    if parsed.version == 6:
        return f"ip:{ipaddress.ip_network(f'{parsed}/{IPV6_PREFIX}', strict=False).network_address}"
    return f"ip:{parsed}"


def request_keys(request, *extra: str) -> list[str]:
    """The identities an action is counted against: address, account if any, and extra keys."""
    keys = [address_key(request)]
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        keys.append(f"user:{user.pk}")
    keys.extend(f"key:{value.strip().lower()}" for value in extra if value and value.strip())
    return keys


def _count(counters, cache_key: str, period: int) -> int | None:
    """One more action under this key; None when the cache could not count it."""
    counters.add(cache_key, 0, timeout=period)
    try:
        return counters.incr(cache_key)
    except ValueError:  # expired between add and incr
        counters.set(cache_key, 1, timeout=period)
        return 1


def hit(scope: str, keys: list[str], *, limit: int | None = None, period: int | None = None) -> bool:
    """Count one action under every key; False when any key is already over its limit.

    Never raises: whatever the cache does, an uncountable action is allowed (and logged).
    """
    limit = limit if limit is not None else settings.FABRIQUE_RATE_LIMIT
    period = period if period is not None else settings.FABRIQUE_RATE_LIMIT_PERIOD
    allowed = True
    for key in keys:
        # Hashed so that an email or an IPv6 address never makes an invalid cache key.
        digest = hashlib.sha256(key.encode()).hexdigest()[:32]
        cache_key = f"ratelimit:{scope}:{digest}"
        try:
            count = _count(counters(), cache_key, period)
        except Exception as error:  # a limiter must not take the action down with the cache
            logger.warning("Limite « %s » non comptée (cache injoignable), acceptée : %s", scope, error)
            return True
        if count is None:  # a cache that hides its errors (IGNORE_EXCEPTIONS)
            logger.warning("Limite « %s » non comptée (cache injoignable) : action acceptée.", scope)
            return True
        if count > limit:
            allowed = False
    return allowed


def allow(request, scope: str, *extra: str, limit: int | None = None, period: int | None = None) -> bool:
    """Count one action of this request; False when the address, account or an extra key is over."""
    return hit(scope, request_keys(request, *extra), limit=limit, period=period)
