"""What search engines read first: /robots.txt, /sitemap.xml and /favicon.ico.

- The sitemap lists the site's live public pages (Wagtail's generator: `live().public()`, so no
  draft and no page under a view restriction), each with its `lastmod`. Past
  50,000 addresses (the protocol's limit, `Sitemap.limit`) /sitemap.xml becomes an index of
  /sitemap-pages.xml, ?p=2…
- robots.txt keeps crawlers out of what is personal, carries a form or answers machines
  (`ROBOTS_DISALLOW`) and out of every address with a query string (listing filters, sorts,
  searches: endless combinations of pages the sitemap already lists), except pagination.
- The favicon is DSFR's own (the Marianne), which browsers ask for at /favicon.ico.
"""

from django.contrib.sitemaps import views as sitemap_views
from django.http import HttpResponse, HttpResponsePermanentRedirect
from django.templatetags.static import static
from django.views.decorators.http import require_safe

from wagtail.contrib.sitemaps import Sitemap

SECTION = "pages"
# Route prefixes of config/urls.py and the apps' urls.py: personal pages and accounts, forms, the
# site search and the machine-readable API (feeds stay open: they are meant to be found).
ROBOTS_DISALLOW = (
    "/admin/",
    "/django-admin/",
    "/compte/",
    "/membres/",
    "/recherche/",
    "/avis/",
    "/ameliorer/",
    "/parcours/mes-parcours/",
    "/api/",
)
FAVICON = "dsfr/dist/favicon/favicon.ico"


class PublicPagesSitemap(Sitemap):
    """The site's live public pages, split in files of `limit` (50,000) addresses."""


@require_safe
def sitemap(request):
    pages = PublicPagesSitemap(request)
    if "p" not in request.GET and pages.paginator.num_pages > 1:
        return sitemap_views.index(request, {SECTION: pages}, sitemap_url_name="sitemap_section")
    return sitemap_views.sitemap(request, {SECTION: pages})


@require_safe
def sitemap_section(request, section):
    return sitemap_views.sitemap(request, {SECTION: PublicPagesSitemap(request)}, section=section)


@require_safe
def robots_txt(request):
    lines = ["User-agent: *"]
    lines += [f"Disallow: {prefix}" for prefix in ROBOTS_DISALLOW]
    lines += [
        "Disallow: /*?",
        "Allow: /*?page=",
        "",
        f"Sitemap: {request.build_absolute_uri('/sitemap.xml')}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


@require_safe
def favicon(request):
    return HttpResponsePermanentRedirect(static(FAVICON))
