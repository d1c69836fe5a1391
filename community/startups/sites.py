"""Which incubator the site being visited belongs to, and the « Tout le réseau » switch.

An incubator's own Wagtail site has a root page (`home.IncubatorHomePage`) that names its
incubator. This app sits below `home` and cannot import that page type, so it only reads the root
page's `incubator` attribute: any root page carrying an `IncubatorPage` there scopes its site.
Search and listings on such a site show that incubator's startups by default; `?reseau=1`
widens them to the whole network while keeping every other parameter of the URL.
"""

from django.http import QueryDict

from wagtail.models import Site

from .models.incubators import IncubatorPage
from .models.startups import StartupPage

NETWORK_PARAM = "reseau"
_CACHE_ATTRIBUTE = "_fabrique_site_incubator"


def site_incubator(request) -> IncubatorPage | None:
    """The incubator whose site this request is on, or None on the network's site (once per request)."""
    if not hasattr(request, _CACHE_ATTRIBUTE):
        site = Site.find_for_request(request)
        root = site.root_page if site else None
        # `specific_class` comes from Django's content type cache: the network's site costs no query.
        scoped = root is not None and hasattr(root.specific_class, "incubator")
        incubator = getattr(root.specific, "incubator", None) if scoped else None
        live = isinstance(incubator, IncubatorPage) and incubator.live
        setattr(request, _CACHE_ATTRIBUTE, incubator if live else None)
    return getattr(request, _CACHE_ATTRIBUTE)


def wants_network(request) -> bool:
    return request.GET.get(NETWORK_PARAM) == "1"


def scope_incubator(request) -> IncubatorPage | None:
    """The incubator listings and search are narrowed to: the site's, unless « Tout le réseau » was asked."""
    if wants_network(request):
        return None
    return site_incubator(request)


def without_other_incubators(pages, incubator: IncubatorPage):
    """Pages minus the startups of other incubators: shared guides and resources all stay."""
    others = StartupPage.objects.exclude(incubator=incubator).values("pk")
    return pages.exclude(pk__in=others)


def network_query(request) -> str:
    """The same URL's query string, widened to the whole network (the page number starts again)."""
    query: QueryDict = request.GET.copy()
    query.pop("page", None)
    query[NETWORK_PARAM] = "1"
    return query.urlencode()


def local_query(request) -> str:
    """The same URL's query string, narrowed back to the site's incubator."""
    query: QueryDict = request.GET.copy()
    query.pop("page", None)
    query.pop(NETWORK_PARAM, None)
    return query.urlencode()


def scope_context(request) -> dict:
    """What a listing's template needs to say which scope it shows and offer the other one."""
    incubator = site_incubator(request)
    if incubator is None:
        return {"site_incubator": None}
    return {
        "site_incubator": incubator,
        "network_wide": wants_network(request),
        "network_query": network_query(request),
        "local_query": local_query(request),
    }
