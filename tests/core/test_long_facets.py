"""Long facets (core/listing.py) show their most frequent options and a « voir plus » link that works
without JavaScript; a selected option is always shown, checked. Tested through the startup directory."""

from urllib.parse import parse_qs, urlsplit

import pytest
from bs4 import BeautifulSoup

from core.listing import SHORT_FACET_OPTIONS
from tests.community.startups.factories import OrganisationFactory, startup, startup_index

pytestmark = pytest.mark.django_db

SPONSORS = 20


@pytest.fixture
def directory(home):
    """20 sponsors: « Sponsor 00 » sponsors 20 startups, « Sponsor 01 » 19… « Sponsor 19 » one."""
    sponsors = [
        OrganisationFactory(slug=f"sponsor-{n:02d}", name=f"Sponsor {n:02d}") for n in range(SPONSORS)
    ]
    for n in range(SPONSORS):
        startup(home, f"Startup {n:02d}", sponsors=sponsors[: n + 1])
    return startup_index(home).url


def sponsor_facet(response):
    assert response.status_code == 200
    html = BeautifulSoup(response.content, "html.parser")
    fieldset = html.select_one("#facette-sponsor")
    boxes = {box["value"]: box.has_attr("checked") for box in fieldset.select("input[type=checkbox]")}
    link = fieldset.select_one("a.fr-link")
    return html, boxes, link


def test_a_long_facet_shows_its_most_frequent_options_and_a_link_to_all(client, directory):
    html, boxes, link = sponsor_facet(client.get(directory))
    assert list(boxes) == [f"sponsor-{n:02d}" for n in range(SHORT_FACET_OPTIONS)]
    assert "Voir plus" in link.text
    assert f"({SPONSORS - SHORT_FACET_OPTIONS} autres)" in link.text
    # The link is a plain GET link (no JavaScript): it asks for the whole facet and comes back to it.
    target = urlsplit(link["href"])
    assert parse_qs(target.query) == {"voir": ["sponsor"]}
    assert target.fragment == "facette-sponsor"
    # Short facets (here the phase, with few values) are never cut.
    assert not html.select_one("#facette-phase a.fr-link")

    _, boxes, link = sponsor_facet(client.get(directory + "?" + target.query))
    assert sorted(boxes) == [f"sponsor-{n:02d}" for n in range(SPONSORS)]
    assert "Voir moins" in link.text
    assert parse_qs(urlsplit(link["href"]).query) == {}


def test_a_selected_option_beyond_the_top_ones_stays_shown_and_checked(client, directory):
    rare = f"sponsor-{SPONSORS - 1}"
    html, boxes, link = sponsor_facet(client.get(directory + f"?sponsor={rare}&q=Startup"))
    assert boxes[rare] is True
    assert [value for value, checked in boxes.items() if checked] == [rare]
    # The filter applies (one startup has the rarest sponsor), « voir plus » keeps the current filters.
    assert "1 startup" in html.select_one("#resultats").text
    assert parse_qs(urlsplit(link["href"]).query) == {
        "q": ["Startup"],
        "sponsor": [rare],
        "voir": ["sponsor"],
    }


def test_the_expanded_facet_survives_the_filter_form(client, directory):
    html, boxes, _ = sponsor_facet(client.get(directory + "?voir=sponsor&voir=inconnu"))
    form = html.select_one("form[aria-label='Filtrer la liste']")
    assert form["action"] == directory
    assert [field["value"] for field in form.select("input[type=hidden][name=voir]")] == ["sponsor"]
    assert len(boxes) == SPONSORS
