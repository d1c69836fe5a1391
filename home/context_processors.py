"""Page chrome shared by every template: navigation and footer links built from the page tree."""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse

from wagtail.models import Page, Site

from core import caching
from core.caching.memo import remembered

from .models import (
    AccessibilityStatementPage,
    ContentPage,
    IncubatorHomePage,
    LegalNoticePage,
    PersonalDataPage,
    SitemapPage,
)
from .models.incubator_sites import local_url, network_home
from .models.legal import conformity_for

# The DSFR footer's mandatory links, in its order; the accessibility one states the conformity.
LEGAL_PAGE_TYPES = [SitemapPage, AccessibilityStatementPage, LegalNoticePage, PersonalDataPage]
# Features served by views, not pages: after the page sections in the main menu (title, URL name).
APP_MENU = [("Groupes", "groups:list"), ("Vers qui me tourner ?", "help_index")]


def _chrome_links(root, request, url_of=None):
    """Menu and footer under a root page: its live direct children, one indexed query (path + depth).

    The footer holds the legal pages first (DSFR order), then the other content pages. `url_of`
    gives a page's address when it is not Wagtail's own (the network's pages on an incubator's site).
    """
    children = (
        Page.objects.filter(path__startswith=root.path, depth=root.depth + 1, live=True)
        .public()  # a restricted page's title is not for every visitor's menu or footer
        .only("id", "title", "url_path", "show_in_menus", "content_type_id", "path", "depth", "locale_id")
        .order_by("path")
    )
    types = ContentType.objects.get_for_models(ContentPage, *LEGAL_PAGE_TYPES)
    content_type, legal_order = types[ContentPage].pk, [types[model].pk for model in LEGAL_PAGE_TYPES]
    accessibility_type = types[AccessibilityStatementPage].pk
    menu, legal, footer = [], {}, []
    for page in children:
        link = {"title": page.title, "url": url_of(page) if url_of else page.get_url(request=request)}
        if page.content_type_id == accessibility_type:
            rate = AccessibilityStatementPage.objects.filter(pk=page.pk).values_list(
                "compliance_rate", flat=True
            )
            link["title"] = f"Accessibilité : {conformity_for(rate.first())}"
        if page.content_type_id in legal_order:
            legal.setdefault(page.content_type_id, link)
        elif page.show_in_menus:
            menu.append(link)
        elif page.content_type_id == content_type:
            footer.append(link)
    return menu, [legal[kind] for kind in legal_order if kind in legal] + footer


def _incubator_chrome(root: IncubatorHomePage, request):
    """An incubator's site: its own pages, then the network's sections and legal pages on its hostname.

    Its identity (name, tagline, footer text) replaces the network's `SiteIdentity` in the header
    and footer; the shared sections keep their paths (IncubatorHomePage.route serves them).
    """
    menu, footer = _chrome_links(root, request)
    network = network_home()
    if network is not None:
        shared_menu, shared_footer = _chrome_links(
            network, request, url_of=lambda page: local_url(network, page)
        )
        menu, footer = menu + shared_menu, shared_footer + footer
    return menu, footer, root.identity()


def _site_chrome_links(site, request):
    """Menu, footer and identity of a site; the network's identity is its `SiteIdentity` (None here)."""
    root = site.root_page
    # The content type is cached by Django: the network's site costs no extra query for `.specific`.
    if root.content_type_id == ContentType.objects.get_for_model(IncubatorHomePage).pk:
        return _incubator_chrome(root.specific, request)
    return (*_chrome_links(root, request), None)


def matomo():
    """Where the cookie-free audience measurement script sends its hits, if it is on (settings)."""
    if not settings.FABRIQUE_MATOMO_ENABLED:
        return None
    return {"url": settings.FABRIQUE_MATOMO_URL + "/", "site_id": settings.FABRIQUE_MATOMO_SITE_ID}


def site_chrome(request):
    """Main menu and footer links, kept in memory under the content generation (core/caching/memo.py).

    Every page shows them and they change only with the content, so even with the page cache off
    they are built once per site and generation in each process, not on each request.
    """
    site = Site.find_for_request(request)
    context = {
        "content_generation": caching.generation(request),
        "page_cache_timeout": caching.timeout(),
        "matomo": matomo(),
    }
    if site is None:
        return {**context, "main_menu": [], "footer_links": [], "site_identity": None}
    menu, footer, identity = remembered(
        "site-chrome", site.pk, lambda: _site_chrome_links(site, request), request
    )
    menu = [*menu, *({"title": title, "url": reverse(name)} for title, name in APP_MENU)]
    main_menu = [
        {**item, "current": item["url"] is not None and request.path.startswith(item["url"])} for item in menu
    ]
    return {**context, "main_menu": main_menu, "footer_links": footer, "site_identity": identity}
