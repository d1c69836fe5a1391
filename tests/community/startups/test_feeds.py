"""The feed of startups changing phase: live public startups, by the start of their current phase."""

import feedparser
import pytest
from bs4 import BeautifulSoup

from tests.community.startups.factories import startup, startup_index
from tests.core.taxonomy.factories import PhaseFactory
from tests.visibility import HIDDEN, restrict

pytestmark = pytest.mark.django_db


@pytest.fixture
def startups(home):
    investigation = PhaseFactory(slug="investigation", name="Investigation")
    construction = PhaseFactory(slug="construction", name="Construction")
    startup(home, "Ancienne", phases=[(investigation, "2022-03-01")])
    startup(home, "Récente", phases=[(investigation, "2023-01-01"), (construction, "2024-05-02")])
    startup(home, "Future", phases=[(investigation, "2023-06-01"), (construction, "2099-01-01")])
    startup(home, f"{HIDDEN} brouillon", phases=[(construction, "2025-01-01")]).unpublish()
    private = startup(home, f"{HIDDEN} réservée", phases=[(construction, "2025-02-01")])
    restrict(private, "login")
    return startup_index(home)


def test_startups_changing_phase_latest_first(client, startups):
    for url in (startups.url + "flux/", startups.url + "flux/atom/"):
        response = client.get(url)
        assert response.status_code == 200
        assert HIDDEN not in response.content.decode()
        feed = feedparser.parse(response.content)
        assert not feed.bozo, feed.bozo_exception
        assert [entry.title for entry in feed.entries] == [
            "Récente : phase « Construction »",
            # A phase dated in the future is not announced before its day.
            "Future : phase « Investigation »",
            "Ancienne : phase « Investigation »",
        ]
        assert feed.entries[0].published.startswith(("2024-05-02", "Thu, 02 May 2024"))


def test_the_directory_announces_the_feed(client, startups):
    soup = BeautifulSoup(client.get(startups.url).content, "html.parser")
    hrefs = sorted(link["href"] for link in soup.select('head link[rel="alternate"]'))
    assert hrefs == [startups.url + "flux/", startups.url + "flux/atom/"]
