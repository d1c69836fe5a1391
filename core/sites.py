"""The Wagtail site answering a request, looked up once per host and content generation.

Wagtail finds it with one query per request (`Site.find_for_request`), which every page address
and menu needs: a query whose building and run cost more than the rest of an autocomplete answer.
The site of a host changes only when a site or its root page does, which bumps the content
generation (core/caching/invalidation.py), so the lookup is kept in each process's memory under
it (core/caching/memo.py) and handed to Wagtail where it keeps a request's site.
"""

from contextlib import suppress

from django.db import DatabaseError
from django.http.request import split_domain_port

from wagtail.models import Site

from core.caching.memo import remembered


def site_for(request):
    """The site Wagtail would find for this request (the default site for an unknown host), or None."""
    # As Wagtail does (Site._find_for_request): the raw host, before any ALLOWED_HOSTS check.
    host = (split_domain_port(request._get_raw_host())[0], request.get_port())
    return remembered("site-for-host", host, lambda: Site._find_for_request(request))


class SiteLookupMiddleware:
    """Gives the request its site from memory, where `Site.find_for_request` keeps and reads it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        # The database down, the view needing the site meets the error where the outage page and
        # the health endpoint answer it (core/outages.py), not here.
        with suppress(DatabaseError):
            # Documented by Site.find_for_request: « The site will be cached via request._wagtail_site ».
            request._wagtail_site = site_for(request)
        return self.get_response(request)
