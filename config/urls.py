"""Site routes. Wagtail serves every page; only non-page views are declared here."""

from django.conf import settings
from django.contrib import admin
from django.urls import include, path

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from core import crawlers, health
from core.api import api_router

# A database outage raised outside a view becomes the French 503 page too (core/outages.py).
handler500 = "core.outages.server_error"

urlpatterns = [
    path("sante/", health.health, name="health"),  # for the load balancer (core/health.py)
    path("robots.txt", crawlers.robots_txt, name="robots_txt"),
    path("sitemap.xml", crawlers.sitemap, name="sitemap"),
    path("sitemap-<section>.xml", crawlers.sitemap_section, name="sitemap_section"),
    path("favicon.ico", crawlers.favicon, name="favicon"),
    path("django-admin/", admin.site.urls),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("api/v2/", api_router.urls),  # read-only open data (core/api.py)
    path("api/betagouv/v2.7/", include("community.startups.api.urls")),  # beta.gouv.fr-compatible
    path("", include("resources.search.urls")),  # /recherche/…
    path("", include("resources.library.urls")),  # /compte/contributions/…
    path("", include("resources.guides.urls")),  # /ameliorer/…
    path("", include("community.members.urls")),  # /compte/…, /membres/…
    path("", include("community.feedback.urls")),  # /avis/
    path("", include("community.groups.urls")),  # /groupes/…
    path("", include("community.blockers.urls")),  # /blocages/…
    path("", include("community.onboarding.urls")),  # /phases/…, /pour-moi/
    path("", include("community.discussions.urls")),  # /groupes/<slug>/discussions/…
    path("", include("community.mentoring.urls")),  # /mentorat/…, /mobilite/…
    path("", include("community.health.urls")),  # /recommandation/
    path("", include("community.help.urls")),  # /vers-qui-me-tourner/…
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += [path("", include(wagtail_urls))]
