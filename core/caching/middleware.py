"""Whole-response cache for anonymous visitors, so a cached page costs one cache read and no SQL.

Fragment caching (`{% wagtailpagecache %}` in the templates) still runs Wagtail's routing, the site
lookup, the context processors and the whole middleware stack; this middleware sits right after
whitenoise and answers before all of them. A page is served from here only when nothing in the
request can change it:

- GET or HEAD, outside the paths that are personal or carry forms
  (setting `FABRIQUE_PAGE_CACHE_EXCLUDED_PREFIXES`);
- no session or messages cookie and no Authorization header: the visitor is anonymous and has no
  flash message waiting (a logged-in editor always gets a fresh page);

and it is stored only when nothing in the response is personal:

- status 200 (404s and redirects are not stored: anyone can make up an unbounded number of them);
- no cookie set but the CSRF one, no `Cache-Control: private/no-cache/no-store`, not a preview;
- `Vary` names nothing but `Cookie` (covered by the cookie rule above) and `Accept-Language`
  (covered while the site speaks a single language).

Forms keep their CSRF protection: anonymous pages show the feedback form, whose token is personal
(it must match the visitor's own `csrftoken` cookie; a shared token would be no protection at all).
The stored page keeps a placeholder in place of each token, and every hit puts in a fresh token for
that visitor and sets their cookie, exactly as Django's CSRF middleware would (`_punch_csrf`). The
`name="csrfmiddlewaretoken" value="` sequence can only come from `{% csrf_token %}`: text written by
editors or members is escaped, so it cannot forge one.

The key is the scheme, host and full path with its query string; the entry carries the content
generation it was rendered under (`core/caching/__init__.py`) and one cache round trip reads both.
"""

import hashlib
import re

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.middleware.csrf import CsrfViewMiddleware, get_token
from django.utils.cache import cc_delim_re, patch_cache_control

from core import caching

KEY_PREFIX = "fabrique:page:"
# Response headers not worth keeping: Django and the server add them again.
DROPPED_HEADERS = frozenset({"set-cookie", "x-page-cache"})
HARMLESS_VARY = frozenset({"cookie", "accept-language"})
UNCACHEABLE_DIRECTIVES = frozenset({"private", "no-cache", "no-store"})
CACHE_STATUS_HEADER = "X-Page-Cache"
CSRF_FIELD = re.compile(rb'(name="csrfmiddlewaretoken" value=")[^"]*(")')
CSRF_PLACEHOLDER = rb"\1fabrique-csrf-placeholder\2"


def _page_key(request) -> str:
    where = f"{request.scheme}://{request.get_host()}{request.get_full_path()}"
    return KEY_PREFIX + hashlib.sha256(where.encode("utf-8", "surrogateescape")).hexdigest()


def _anonymous_request(request) -> bool:
    if request.method not in ("GET", "HEAD") or request.path.startswith(
        settings.FABRIQUE_PAGE_CACHE_EXCLUDED_PREFIXES
    ):
        return False
    if settings.SESSION_COOKIE_NAME in request.COOKIES or "messages" in request.COOKIES:
        return False
    return "HTTP_AUTHORIZATION" not in request.META


def _storable(request, response) -> bool:
    if request.method != "GET" or response.status_code != 200 or response.streaming:
        return False
    if set(response.cookies) - {settings.CSRF_COOKIE_NAME} or getattr(request, "is_preview", False):
        return False
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return False
    directives = {
        part.split("=")[0].strip().lower() for part in cc_delim_re.split(response.get("Cache-Control", ""))
    }
    if directives & UNCACHEABLE_DIRECTIVES:
        return False
    vary = {part.strip().lower() for part in cc_delim_re.split(response.get("Vary", "")) if part.strip()}
    harmless = HARMLESS_VARY if len(settings.LANGUAGES) == 1 else {"cookie"}
    return vary <= harmless


def _from_entry(request, entry) -> HttpResponse:
    _generation, content, headers, has_forms = entry
    csrf = CsrfViewMiddleware(lambda request: None) if has_forms else None
    if csrf is not None:
        csrf.process_request(request)  # reads the visitor's own csrftoken cookie, if any
        content = CSRF_FIELD.sub(lambda match: match[1] + get_token(request).encode() + match[2], content)
    response = HttpResponse(b"" if request.method == "HEAD" else content)
    for name, value in headers:
        response[name] = value
    response["Content-Length"] = str(len(content))
    response[CACHE_STATUS_HEADER] = "hit"
    if csrf is not None:
        csrf.process_response(request, response)  # sets the cookie the tokens were masked from
    return response


def _to_entry(generation, response):
    headers = [(name, value) for name, value in response.items() if name.lower() not in DROPPED_HEADERS]
    content, forms = CSRF_FIELD.subn(CSRF_PLACEHOLDER, response.content)
    return (generation, content, headers, forms > 0)


class AnonymousPageCacheMiddleware:
    """Serves anonymous GET/HEAD pages from the cache, under the current content generation."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not caching.enabled() or not _anonymous_request(request):
            return self._personal(request, self.get_response(request))
        key = _page_key(request)
        found = cache.get_many([caching.GENERATION_KEY, key])
        current = found.get(caching.GENERATION_KEY)
        if current is None:
            current = caching.generation()
        caching.remember(request, current)
        entry = found.get(key)
        if entry is not None and entry[0] == current:
            return _from_entry(request, entry)
        response = self.get_response(request)
        if _storable(request, response):
            cache.set(key, _to_entry(current, response), caching.timeout())
            response[CACHE_STATUS_HEADER] = "miss"
        return self._personal(request, response)

    @staticmethod
    def _personal(request, response):
        """A page made for a logged-in person must not be kept by a shared proxy either."""
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            patch_cache_control(response, private=True)
        return response
