"""Head metadata: description, canonical address, Open Graph and Twitter card, JSON-LD breadcrumb."""

import json

import pytest
from bs4 import BeautifulSoup

from resources.library.models import ResourceIndexPage
from tests.home.factories import ContentPageFactory
from tests.resources.library.factories import ResourcePageFactory

pytestmark = pytest.mark.django_db


def head(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response, BeautifulSoup(response.content, "html.parser")


def meta(soup, **attrs):
    tag = soup.find("meta", attrs=attrs)
    return tag["content"] if tag else None


def test_description_is_the_search_description_else_the_intro_cut_short(client, home):
    described = ContentPageFactory(
        parent=home, title="Décrite", search_description="Pour les moteurs.", intro="X"
    )
    long_intro = "Une introduction <em>longue</em> " + "très " * 60 + "détaillée."
    introduced = ContentPageFactory(parent=home, title="Introduite", intro=long_intro)
    _, soup = head(client, described.url)
    assert meta(soup, name="description") == "Pour les moteurs."
    _, soup = head(client, introduced.url)
    description = meta(soup, name="description")
    assert description.startswith("Une introduction longue très") and description.endswith("…")
    assert len(description) <= 160 and "<em>" not in description
    assert meta(soup, property="og:description") == description == meta(soup, name="twitter:description")


def test_open_graph_and_twitter_card(client, home):
    page = ContentPageFactory(
        parent=home, title="À propos", seo_title="À propos de Fabrique", intro="Qui sommes-nous."
    )
    _, soup = head(client, page.url)
    assert meta(soup, property="og:title") == "À propos de Fabrique" == meta(soup, name="twitter:title")
    assert meta(soup, property="og:type") == "article"
    assert meta(soup, property="og:url") == "http://localhost" + page.url
    assert meta(soup, property="og:locale") == "fr_FR"
    assert meta(soup, property="og:image").endswith("android-chrome-512x512.png")
    assert meta(soup, name="twitter:card") == "summary"
    _, soup = head(client, "/recherche/")  # not a page: the site's tagline describes it
    assert meta(soup, name="description")


def test_canonical_drops_filters_and_keeps_the_page_number_of_an_unfiltered_listing(
    client, sections, monkeypatch
):
    monkeypatch.setattr(ResourceIndexPage, "page_size", 2)
    library = sections["ressources"]
    for n in range(5):
        ResourcePageFactory(parent=library, title=f"Ressource {n}")
    base = "http://localhost" + library.url

    def canonical(query):
        _, soup = head(client, library.url + query)
        return soup.find("link", rel="canonical")["href"]

    assert canonical("") == base
    assert canonical("?page=2") == base + "?page=2"
    assert canonical("?page=1") == base
    assert canonical("?page=2&type=modele&tri=titre") == base
    assert canonical("?phase=construction") == base
    assert canonical("?page=99") == base + "?page=3"  # the last page, as the listing shows it


def test_breadcrumb_json_ld_is_escaped_data_and_the_csp_allows_no_inline_script(client, home):
    parent = ContentPageFactory(parent=home, title="Le réseau")
    page = ContentPageFactory(parent=parent, title="</script><script>alert(1)</script> & co")
    response, soup = head(client, page.url)
    scripts = soup.find_all("script", type="application/ld+json")
    assert len(scripts) == 1
    data = json.loads(scripts[0].string)
    assert data["@type"] == "BreadcrumbList"
    assert [(item["position"], item["name"]) for item in data["itemListElement"]] == [
        (1, "Accueil"),
        (2, "Le réseau"),
        (3, page.title),
    ]
    assert data["itemListElement"][1]["item"] == "http://localhost" + parent.url
    assert "</script><script>" not in response.content.decode().split("application/ld+json")[1][:300]
    policy = response["Content-Security-Policy"]
    script_src = next(part for part in policy.split(";") if part.strip().startswith("script-src"))
    assert "unsafe-inline" not in script_src
    # The home page has no trail, hence no structured breadcrumb.
    _, soup = head(client, home.url)
    assert not soup.find_all("script", type="application/ld+json")
