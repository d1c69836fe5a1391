"""Resource feeds: the listing's filters (`?phase=…&role=…&type=…`), live public resources only."""

import feedparser
import pytest
from bs4 import BeautifulSoup

from tests.core.taxonomy.factories import PhaseFactory, RoleFactory
from tests.resources.library.factories import ResourceKindFactory, ResourcePageFactory
from tests.visibility import HIDDEN, VISIBLE, make_visibility_pages

pytestmark = pytest.mark.django_db


@pytest.fixture
def library(sections):
    index = sections["ressources"]
    construction = PhaseFactory(slug="construction", name="Construction")
    investigation = PhaseFactory(slug="investigation", name="Investigation")
    coach = RoleFactory(slug="coach", name="Coach")
    outil = ResourceKindFactory(slug="outil", name="Outil")
    modele = ResourceKindFactory(slug="modele", name="Modèle")
    make_visibility_pages(ResourcePageFactory, index, taxonomies={"phases": [construction]}, kind=outil)
    ResourcePageFactory(
        parent=index,
        title="Grille d'entretien",
        taxonomies={"phases": [investigation], "roles": [coach]},
        kind=modele,
    )
    return index


def titles(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    assert HIDDEN not in response.content.decode()
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.bozo_exception
    return sorted(entry.title for entry in feed.entries)


def test_the_feed_lists_live_public_resources(client, library):
    everything = [f"Page {VISIBLE}", "Grille d'entretien", "Page publiée"]
    assert titles(client, library.url + "flux/") == sorted(everything)
    assert titles(client, library.url + "flux/atom/") == sorted(everything)


def test_the_feed_takes_the_listing_filters(client, library):
    base = library.url + "flux/"
    assert titles(client, base + "?phase=construction") == [f"Page {VISIBLE}", "Page publiée"]
    assert titles(client, base + "?phase=investigation&role=coach") == ["Grille d'entretien"]
    assert titles(client, base + "?type=modele") == ["Grille d'entretien"]
    assert titles(client, base + "?type=outil&role=coach") == []
    # An unknown value is ignored, as the listing ignores it.
    assert len(titles(client, base + "?phase=inconnue")) == 3
    feed = feedparser.parse(client.get(base + "?phase=construction").content)
    assert feed.feed.title == "Ressources : nouveautés (Phase : Construction)"
    assert feed.feed.link.endswith("/?phase=construction")


def test_the_filtered_listing_announces_its_filtered_feed(client, library):
    soup = BeautifulSoup(client.get(library.url + "?phase=construction&page=1").content, "html.parser")
    links = {link["type"]: link["href"] for link in soup.select('head link[rel="alternate"]')}
    assert links["application/rss+xml"] == library.url + "flux/?phase=construction"
    assert links["application/atom+xml"] == library.url + "flux/atom/?phase=construction"
    assert soup.select_one('link[rel="canonical"]')["href"] == "http://localhost" + library.url
