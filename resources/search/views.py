"""The site search page and its autocomplete endpoint (logic in results.py and suggestions.py)."""

from django.core.serializers.json import DjangoJSONEncoder
from django.http import JsonResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from community.discussions.finding import matching_threads
from community.startups.sites import scope_context, scope_incubator, without_other_incubators
from core.text import clean_query

from .results import SiteSearch
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
    search = SiteSearch(request, scope=scope)
    context = {**search.context(), **scope_context(request)}
    # Threads of the groups this visitor may read, in their own block (community/discussions/finding.py).
    context["threads"] = matching_threads(request.user, search.query) if search.query else []
    return render(request, "search/search.html", context)


@require_GET
def search_suggestions(request):
    query = clean_query(request.GET.get("q", ""))
    response = JsonResponse(
        {"query": query, "suggestions": suggestions(request, query)}, encoder=HtmlSafeJSONEncoder
    )
    # Results depend on who asks (restricted pages): never cached by a shared proxy.
    response["Cache-Control"] = "private, max-age=60"
    return response
