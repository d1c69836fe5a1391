"""robots.txt, sitemap.xml and the favicon: what search engines may read, and only public pages."""

import xml.etree.ElementTree as ET

from django.contrib.staticfiles import finders
from django.utils import timezone

from wagtail.models import Page, Site

import pytest

from core.crawlers import FAVICON, PublicPagesSitemap
from tests.resources.library.factories import ResourcePageFactory
from tests.visibility import HIDDEN, make_visibility_pages

pytestmark = pytest.mark.django_db

NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}


@pytest.fixture
def pages(sections):
    made = make_visibility_pages(ResourcePageFactory, sections["ressources"])
    # Factories make live pages without a publication date; an editor's publication always sets one.
    Page.objects.filter(live=True, last_published_at__isnull=True).update(last_published_at=timezone.now())
    return made


def public_urls():
    return {
        page.get_full_url()
        for page in Site.objects.get(is_default_site=True).root_page.get_descendants(inclusive=True).live()
        if not page.title.startswith(HIDDEN)
    }


def sitemap_entries(client, url="/sitemap.xml"):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    root = ET.fromstring(response.content)
    return {
        entry.findtext("sm:loc", namespaces=NS): entry.findtext("sm:lastmod", namespaces=NS) for entry in root
    }


def test_the_sitemap_lists_every_live_public_page_and_nothing_else(client, home, pages):
    entries = sitemap_entries(client)
    assert set(entries) == public_urls()
    assert len(entries) == 5  # home, the two sections, the public and the edited resource
    assert pages["public"].get_full_url() in entries and pages["edited"].get_full_url() in entries
    assert all(lastmod for lastmod in entries.values())
    assert HIDDEN.lower() not in " ".join(entries).lower()
    for slug in ("brouillon", "membres", "coachs", "mot-de-passe", "moderation"):
        assert not any(url.rstrip("/").endswith(slug) for url in entries), slug


def test_a_large_sitemap_becomes_an_index_of_sections(client, pages, monkeypatch):
    monkeypatch.setattr(PublicPagesSitemap, "limit", 2)
    response = client.get("/sitemap.xml")
    root = ET.fromstring(response.content)
    assert root.tag == "{http://www.sitemaps.org/schemas/sitemap/0.9}sitemapindex"
    parts = [entry.findtext("sm:loc", namespaces=NS) for entry in root]
    assert [part.removeprefix("http://testserver") for part in parts] == [
        "/sitemap-pages.xml",
        "/sitemap-pages.xml?p=2",
        "/sitemap-pages.xml?p=3",
    ]
    found = {}
    for part in parts:
        found.update(sitemap_entries(client, part.removeprefix("http://testserver")))
    assert set(found) == public_urls()


def test_robots_txt_points_to_the_sitemap_and_keeps_crawlers_out(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert lines[0] == "User-agent: *"
    for prefix in ("/admin/", "/compte/", "/recherche/", "/membres/", "/api/", "/*?"):
        assert f"Disallow: {prefix}" in lines
    assert "Allow: /*?page=" in lines
    assert "Sitemap: http://testserver/sitemap.xml" in lines


def test_the_favicon_is_dsfr_s(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 301
    assert response["Location"].endswith(FAVICON)
    assert finders.find(FAVICON)
