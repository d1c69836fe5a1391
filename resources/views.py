"""The site search page and its autocomplete endpoint (logic in resources/search.py)."""

from django.http import JsonResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from .search import SiteSearch, clean_query, suggestions


@require_GET
def search(request):
    context = SiteSearch(request).context()
    return render(request, "resources/search.html", context)


@require_GET
def search_suggestions(request):
    query = clean_query(request.GET.get("q", ""))
    response = JsonResponse({"query": query, "suggestions": suggestions(request, query)})
    # Results depend on who asks (restricted pages): never cached by a shared proxy.
    response["Cache-Control"] = "private, max-age=60"
    return response
