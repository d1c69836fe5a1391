"""Guide feeds (RSS 2.0 and Atom): new and updated live public pages only, found from the section page."""

import feedparser
import pytest
from bs4 import BeautifulSoup

from tests.resources.guides.factories import GuidePageFactory
from tests.visibility import HIDDEN, VISIBLE, make_visibility_pages

pytestmark = pytest.mark.django_db


@pytest.fixture
def pages(sections):
    return make_visibility_pages(GuidePageFactory, sections["guides"])


def read(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.bozo_exception
    return response, feed


def test_rss_and_atom_list_only_live_public_guides(client, sections, pages):
    base = sections["guides"].url
    rss_response, rss = read(client, base + "flux/")
    atom_response, atom = read(client, base + "flux/atom/")
    assert rss_response["Content-Type"].startswith("application/rss+xml")
    assert atom_response["Content-Type"].startswith("application/atom+xml")
    assert rss.version == "rss20" and atom.version == "atom10"
    for response, feed in ((rss_response, rss), (atom_response, atom)):
        assert HIDDEN not in response.content.decode()
        assert sorted(entry.title for entry in feed.entries) == [f"Page {VISIBLE}", "Page publiée"]
        assert all(entry.link.startswith("http://") for entry in feed.entries)
    assert "public" in rss_response["Cache-Control"]


def test_an_updated_guide_comes_back_with_a_new_identifier(client, sections, pages):
    url = sections["guides"].url + "flux/"
    page = pages["public"]
    page.save_revision().publish()
    page.refresh_from_db()
    _, before = read(client, url)
    assert before.entries[0].title == f"Page {VISIBLE}"
    page.intro = "Texte révisé."
    page.save_revision().publish()
    _, after = read(client, url)
    first = after.entries[0]
    assert first.title == f"Page {VISIBLE} (mise à jour)"
    assert first.id not in {entry.id for entry in before.entries}
    assert first.summary == "Texte révisé."


def test_the_guides_page_announces_its_feeds(client, sections, pages):
    soup = BeautifulSoup(client.get(sections["guides"].url).content, "html.parser")
    links = {link["type"]: link["href"] for link in soup.select('head link[rel="alternate"]')}
    assert links == {
        "application/rss+xml": sections["guides"].url + "flux/",
        "application/atom+xml": sections["guides"].url + "flux/atom/",
    }
    assert client.get(links["application/rss+xml"]).status_code == 200
