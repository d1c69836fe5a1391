"""« Pour moi » costs the same number of queries however much content and how many members there are."""

import datetime

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from community.onboarding.suggestions import GUIDES_LIMIT
from tests.community.onboarding.journey import guide, lived_phase_peer, make_journey, resource

pytestmark = pytest.mark.django_db


def add_content(w, n, offset):
    for i in range(offset, offset + n):
        guide(w["guides"], f"Guide {i}", [w["dev"]], [w["construction"]])
        resource(w["library"], f"Ressource {i}", [w["dev"]], [w["construction"]])
        start = datetime.date(2020, 1, 1)
        lived_phase_peer(w, f"Pair {i}", f"pair.{i}", start, None)


def count(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries), response.content.decode()


def test_member_and_picker_pages_cost_the_same_at_two_sizes(client, home, settings):
    settings.FABRIQUE_PAGE_CACHE = False  # measures rendering, not the page cache
    w = make_journey(home)
    client.force_login(w["user"])
    add_content(w, 2, 0)
    count(client, "/pour-moi/")  # warm the site and settings caches
    small, _ = count(client, "/pour-moi/")
    small_picker, _ = count(client, "/pour-moi/?role=developpeuse&phase=construction")

    add_content(w, GUIDES_LIMIT + 3, 2)
    large, html = count(client, "/pour-moi/")
    large_picker, _ = count(client, "/pour-moi/?role=developpeuse&phase=construction")

    assert large == small and large_picker == small_picker
    assert (
        html.count('class="fr-badge fr-badge--sm fr-badge--info fr-badge--no-icon">Pas encore lu')
        == GUIDES_LIMIT
    )
