"""What every open-data answer shares (API, beta.gouv.fr endpoints, feeds): a rate limit per client
address and `Cache-Control: public, max-age`.

A cached answer (the anonymous page cache, `core/caching/`, or any proxy) costs no rendering and is
not counted: the limit protects the database from clients that vary their requests, not the cache.
"""

from functools import wraps

from django.conf import settings
from django.http import JsonResponse
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_safe

from core.security import ratelimit

RATE_LIMIT_SCOPE = "api"
RATE_LIMIT_MESSAGE = "Trop de requêtes en peu de temps : patientez une minute avant de réessayer."


def within_api_rate_limit(request) -> bool:
    """Count one read of the open data against the client's address (and account, if any)."""
    return ratelimit.allow(request, RATE_LIMIT_SCOPE, limit=settings.FABRIQUE_API_RATE_LIMIT)


def cacheable(response):
    """A 200 may be kept by any proxy for a while; an error or a refusal is not kept."""
    if response.status_code == 200:
        patch_cache_control(response, public=True, max_age=settings.FABRIQUE_API_MAX_AGE)
    else:
        patch_cache_control(response, no_cache=True)
    return response


def open_data_view(view):
    """A plain Django view of open data (feeds, beta.gouv.fr endpoints): GET/HEAD, limited, cacheable."""

    @wraps(view)
    @require_safe
    def wrapper(request, *args, **kwargs):
        if not within_api_rate_limit(request):
            response = JsonResponse({"detail": RATE_LIMIT_MESSAGE}, status=429)
            response["Retry-After"] = str(settings.FABRIQUE_RATE_LIMIT_PERIOD)
            return cacheable(response)
        return cacheable(view(request, *args, **kwargs))

    return wrapper
