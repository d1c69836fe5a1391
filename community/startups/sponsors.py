"""Public page of an organisation: the live startups it sponsors.

Organisations are snippets, not pages: the startup directory's front page routes
`organisations/<slug>/` here, handing itself over; this module never imports the page model.
"""

from django.http import Http404
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse

from .directory import startup_queryset
from .models.organisations import Organisation


def sponsored_startups(organisation, index_page=None):
    """Live, public startups the organisation sponsors, by title (a draft never appears)."""
    return startup_queryset(index_page).filter(sponsors=organisation).order_by("title", "pk")


def organisation_page(request, index_page, slug):
    organisation = get_object_or_404(Organisation, slug=slug)
    startups = list(sponsored_startups(organisation, index_page))
    if not startups:
        # Only drafts or nothing at all: no page, rather than one that hints at unpublished work.
        raise Http404("Organisation sans startup publiée")
    context = index_page.get_context(request)
    context.update({"organisation": organisation, "startups": startups})
    return TemplateResponse(request, "startups/organisation_page.html", context)
