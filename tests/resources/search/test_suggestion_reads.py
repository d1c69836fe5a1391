"""Suggestions on our PostgreSQL backend (backend.py `suggested`): the newest index entries first, the
GIN index when they hold too few matches; both give the newest visible pages, never a draft or a
restricted page, even when those are the newest."""

from wagtail.models import PageViewRestriction

import pytest

from resources.search.backend import FabriqueSearchBackend
from tests.community.members.factories import make_user
from tests.home.factories import ContentPageFactory
from tests.resources.library.factories import ResourceIndexPageFactory, ResourcePageFactory

pytestmark = pytest.mark.django_db

OLDER_MATCHES = 10


@pytest.fixture
def fast_path(search_path):
    if search_path != "rapide-postgresql":
        pytest.skip("l'ordre « plus récentes d'abord » est celui du backend PostgreSQL")


@pytest.fixture
def library(home):
    """Ten visible « Atelier » resources, then newer hidden ones that match, then newer ones that don't."""
    index = ResourceIndexPageFactory(parent=home)
    for number in range(OLDER_MATCHES):
        ResourcePageFactory(parent=index, title=f"Atelier {number}")
    ResourcePageFactory(parent=index, title="Atelier brouillon", live=False)
    restricted = ResourcePageFactory(parent=index, title="Atelier réservé")
    PageViewRestriction.objects.create(page=restricted, restriction_type=PageViewRestriction.LOGIN)
    private = ContentPageFactory(parent=home, title="Espace privé")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    ContentPageFactory(parent=private, title="Atelier sous un espace privé")
    for number in range(6):
        ResourcePageFactory(parent=index, title=f"Rétrospective {number}")
    return index


def suggested(client, query):
    response = client.get("/recherche/suggestions/", {"q": query})
    assert response.status_code == 200
    return [item["title"] for item in response.json()["suggestions"]]


NEWEST_VISIBLE = [f"Atelier {number}" for number in range(OLDER_MATCHES - 1, 1, -1)]


@pytest.mark.parametrize("recent_entries", [2000, 12, 6, 1])
def test_the_newest_visible_pages_whichever_read_finds_them(
    client, fast_path, library, monkeypatch, recent_entries
):
    # 2000: every entry is recent; 12: the window holds the hidden matches and two visible ones, too
    # few; 6 and 1: the window holds no match at all. The GIN index then gives them.
    monkeypatch.setattr(FabriqueSearchBackend, "RECENT_ENTRIES", recent_entries)
    assert suggested(client, "ate") == NEWEST_VISIBLE
    assert suggested(client, "atelier") == NEWEST_VISIBLE
    assert suggested(client, "rétro")[:2] == ["Rétrospective 5", "Rétrospective 4"]


def test_a_prefix_no_title_has_finds_nothing(client, fast_path, library):
    assert suggested(client, "xylo") == []


def test_a_member_is_suggested_what_members_may_read(client, fast_path, library):
    client.force_login(make_user("camille"))
    titles = suggested(client, "atelier")
    assert titles[:2] == ["Atelier sous un espace privé", "Atelier réservé"]
    assert "Atelier brouillon" not in titles
