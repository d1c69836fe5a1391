"""The site search page, its autocomplete endpoint and its click report (logic in results.py,
curated.py, suggestions.py and querylog.py)."""

from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils.cache import patch_cache_control
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST

from community.discussions.finding import matching_threads
from community.startups.sites import scope_context, scope_incubator, without_other_incubators
from core.text import clean_query

from .curated import CuratedSearch
from .querylog import click_token, record_click, record_search
from .suggestions import suggestions


class HtmlSafeJSONEncoder(DjangoJSONEncoder):
    """JSON without `<`, `>` or `&` in its text: page titles stay inert even if a client inlines them."""

    def encode(self, o):
        return super().encode(o).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


@require_GET
def search(request):
    # On an incubator's own site, the other incubators' startups are left out until « Tout le réseau ».
    incubator = scope_incubator(request)
    scope = (lambda pages: without_other_incubators(pages, incubator)) if incubator is not None else None
    search = CuratedSearch(request, scope=scope)
    context = {**search.context(), **scope_context(request)}
    # Threads of the groups this visitor may read, in their own block (community/discussions/finding.py).
    context["threads"] = matching_threads(request.user, search.query) if search.query else []
    # A search answered only by pinned pages or by threads did find something.
    found = context["page_obj"].paginator.count or len(context["pinned_pages"]) or len(context["threads"])
    record = record_search(search, request, found)
    context["click_token"] = click_token(record)
    response = render(request, "search/search.html", context)
    if search.query:
        # Each search must reach the log (querylog.py): a results page is never a shared cached copy.
        patch_cache_control(response, private=True)
    return response


@csrf_exempt  # sent by navigator.sendBeacon; the signed token is the only key, to one anonymous row
@require_POST
def search_click(request):
    """The result a searcher opened (static/js/search-clicks.js): 204 whatever happens, nothing shown."""
    record_click(request.POST.get("recherche", ""), request.POST.get("page"), request.user)
    return HttpResponse(status=204)


@require_GET
def search_suggestions(request):
    query = clean_query(request.GET.get("q", ""))
    response = JsonResponse(
        {"query": query, "suggestions": suggestions(request, query)}, encoder=HtmlSafeJSONEncoder
    )
    # Results depend on who asks (restricted pages): never cached by a shared proxy.
    response["Cache-Control"] = "private, max-age=60"
    return response
