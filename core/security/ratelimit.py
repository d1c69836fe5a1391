"""A small rate limiter on Django's cache, shared by sign-up, login, feedback and contributions.

Each action counts against every key it carries (the client's address, the account, the email
typed…); the first counter over the limit refuses the action. A counter starts with the first
action and expires `period` seconds later (cache.add + cache.incr keep that expiry), so there is
no window boundary where twice the limit would pass. With Redis (REDIS_URL) the counters are
shared by every worker; with the local-memory cache they are per process, which is enough on a
laptop and in tests.
"""

import hashlib

from django.conf import settings
from django.core.cache import cache

RATE_LIMIT_MESSAGE = "Trop de tentatives en peu de temps : patientez une minute avant de réessayer."


def client_ip(request) -> str:
    """The client's address; X-Forwarded-For only when a trusted proxy sets it (see settings)."""
    if getattr(settings, "FABRIQUE_TRUST_X_FORWARDED_FOR", False):
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        if forwarded:
            return forwarded.split(",")[0].strip()
    return request.META.get("REMOTE_ADDR", "") or "inconnue"


def request_keys(request, *extra: str) -> list[str]:
    """The identities an action is counted against: address, account if any, and extra keys."""
    keys = [f"ip:{client_ip(request)}"]
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        keys.append(f"user:{user.pk}")
    keys.extend(f"key:{value.strip().lower()}" for value in extra if value and value.strip())
    return keys


def hit(scope: str, keys: list[str], *, limit: int | None = None, period: int | None = None) -> bool:
    """Count one action under every key; False when any key is already over its limit."""
    limit = limit if limit is not None else settings.FABRIQUE_RATE_LIMIT
    period = period if period is not None else settings.FABRIQUE_RATE_LIMIT_PERIOD
    allowed = True
    for key in keys:
        # Hashed so that an email or an IPv6 address never makes an invalid cache key.
        digest = hashlib.sha256(key.encode()).hexdigest()[:32]
        cache_key = f"ratelimit:{scope}:{digest}"
        cache.add(cache_key, 0, timeout=period)
        try:
            count = cache.incr(cache_key)
        except ValueError:  # expired between add and incr
            cache.set(cache_key, 1, timeout=period)
            count = 1
        if count > limit:
            allowed = False
    return allowed


def allow(request, scope: str, *extra: str, limit: int | None = None, period: int | None = None) -> bool:
    """Count one action of this request; False when the address, account or an extra key is over."""
    return hit(scope, request_keys(request, *extra), limit=limit, period=period)
