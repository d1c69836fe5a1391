"""The read-only Wagtail API (/api/v2/): what an anonymous visitor may read, and nothing more.

- Pages: live and public only. Wagtail's own filter lets a request through the restrictions it
  satisfies (a logged-in member sees members-only pages, a visitor who typed a password sees that
  page); the open-data API answers everyone alike, so it drops every page under a view restriction,
  whoever asks. A page's fields in the database are its published version: a newer revision waiting
  in a moderation workflow, or a draft, is never read from there.
- Images and documents: only those outside private collections. A collection with a view
  restriction (a password, a login or some groups) makes its documents private in Wagtail's own
  serving view, and its sub-collections too; images have no such check in Wagtail (their renditions
  are plain files), so the API applies the same rule to both: an editor hides a file from the open
  data by putting it in a restricted collection.
- JSON only (no browsable HTML renderer, whose inline scripts the site's CSP forbids), no
  authentication (nothing personal is served), `Cache-Control: public, max-age` on every answer,
  and a rate limit per client address (`core/opendata.py`).
"""

from django.conf import settings
from django.db.models import Q

from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet
from wagtail.models import Collection, CollectionViewRestriction, Page, Site

from rest_framework.exceptions import Throttled
from rest_framework.negotiation import BaseContentNegotiation
from rest_framework.permissions import AllowAny
from rest_framework.renderers import JSONRenderer

from core.opendata import RATE_LIMIT_MESSAGE, cacheable, within_api_rate_limit


def anonymous_pages(request=None):
    """Live pages an anonymous visitor may read, on the request's site (every site without one)."""
    pages = Page.objects.live().public()
    site = Site.find_for_request(request) if request is not None else None
    if site is not None:
        pages = pages.descendant_of(site.root_page, inclusive=True)
    return pages


def private_collection_ids() -> set[int]:
    """Collections under a view restriction, with their sub-collections (Wagtail's rule for documents)."""
    restricted = Collection.objects.filter(
        pk__in=CollectionViewRestriction.objects.values("collection_id")
    ).only("path")
    condition = Q(pk__in=[])
    for collection in restricted:
        condition |= Q(path__startswith=collection.path)
    return set(Collection.objects.filter(condition).values_list("pk", flat=True)) if restricted else set()


class JSONOnly(BaseContentNegotiation):
    """Always JSON, whatever `Accept` says (a browser asking for HTML gets JSON, not a 406)."""

    def select_parser(self, request, parsers):
        return parsers[0] if parsers else None

    def select_renderer(self, request, renderers, format_suffix=None):
        return renderers[0], renderers[0].media_type


class OpenDataAPIMixin:
    """JSON for everyone alike, cacheable by any proxy, and counted against the client's address."""

    renderer_classes = [JSONRenderer]
    content_negotiation_class = JSONOnly
    authentication_classes = []
    permission_classes = [AllowAny]

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        if not within_api_rate_limit(request):
            raise Throttled(wait=settings.FABRIQUE_RATE_LIMIT_PERIOD, detail=RATE_LIMIT_MESSAGE)

    def finalize_response(self, request, response, *args, **kwargs):
        response = cacheable(super().finalize_response(request, response, *args, **kwargs))
        # One renderer: the answer does not depend on `Accept`, so the anonymous page cache may keep it.
        response.headers.pop("Vary", None)
        return response


class PublicPagesAPIViewSet(OpenDataAPIMixin, PagesAPIViewSet):
    """Live pages that need no login, password or group, whoever asks."""

    def get_base_queryset(self):
        return anonymous_pages(self.request)


class PublicImagesAPIViewSet(OpenDataAPIMixin, ImagesAPIViewSet):
    """Images outside private collections."""

    def get_queryset(self):
        return super().get_queryset().exclude(collection_id__in=private_collection_ids())


class PublicDocumentsAPIViewSet(OpenDataAPIMixin, DocumentsAPIViewSet):
    """Documents outside private collections (those Wagtail serves only to allowed visitors)."""

    def get_queryset(self):
        return super().get_queryset().exclude(collection_id__in=private_collection_ids())


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PublicPagesAPIViewSet)
api_router.register_endpoint("images", PublicImagesAPIViewSet)
api_router.register_endpoint("documents", PublicDocumentsAPIViewSet)
