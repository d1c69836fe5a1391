"""The startup directory: filters combine, counts follow, the URL holds the state, queries stay flat."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest
from bs4 import BeautifulSoup

from tests.community.startups.factories import AudienceFactory, OrganisationFactory, incubator, startup
from tests.core.taxonomy.factories import PhaseFactory, ThematiqueFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def network(home):
    investigation = PhaseFactory(slug="investigation", name="Investigation", order=1)
    construction = PhaseFactory(slug="construction", name="Construction", order=2)
    sante = ThematiqueFactory(slug="sante", name="Santé")
    emploi = ThematiqueFactory(slug="emploi", name="Emploi")
    etat = AudienceFactory(slug="etat", name="État")
    dinum_org = OrganisationFactory(slug="dinum", name="Direction interministérielle du numérique")
    dinum = incubator(home, "dinum", "Incubateur DINUM")
    mtes = incubator(home, "mtes", "Fabrique de l'écologie")
    startup(
        home,
        "Alpha",
        mission="Soigner mieux",
        incubator=dinum,
        phases=[(investigation, "2022-01-01"), (construction, "2023-01-01")],
        thematiques=[sante],
        audiences=[etat],
        sponsors=[dinum_org],
    )
    startup(home, "Bravo", incubator=dinum, phases=[(investigation, "2024-01-01")], thematiques=[emploi])
    startup(
        home,
        "Charlie",
        incubator=mtes,
        phases=[(construction, "2021-06-01")],
        thematiques=[sante, emploi],
        sponsors=[dinum_org],
    )
    startup(home, "Delta", mission="Sans phase ni incubateur")
    return home


def results(client, query=""):
    response = client.get("/startups/" + query)
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    titles = [a.get_text(strip=True) for a in soup.select(".fr-card__title a")]
    counts = {
        box["id"]: label.get_text(strip=True)
        for box in soup.select("form input[type=checkbox]")
        for label in soup.select(f"label[for='{box['id']}']")
    }
    return titles, counts, soup


def test_directory_lists_every_live_startup_with_counts_per_filter(client, network):
    titles, counts, soup = results(client)
    assert titles == ["Alpha", "Bravo", "Charlie", "Delta"]
    assert counts["phase-construction"] == "Construction (2)"
    assert counts["phase-investigation"] == "Investigation (1)"
    assert counts["incubateur-dinum"] == "Incubateur DINUM (2)"
    assert counts["thematique-sante"] == "Santé (2)"
    assert counts["public-etat"] == "État (1)"
    assert counts["sponsor-dinum"].endswith("(2)")
    assert "4 startups" in soup.get_text()


def test_filters_combine_in_the_url_and_counts_follow_the_other_filters(client, network):
    titles, counts, _ = results(client, "?phase=construction&incubateur=dinum")
    assert titles == ["Alpha"]
    # The phase counts apply the incubator filter only; the incubator counts the phase filter only.
    assert counts["phase-construction"] == "Construction (1)"
    assert counts["phase-investigation"] == "Investigation (1)"
    assert counts["incubateur-mtes"] == "Fabrique de l'écologie (1)"
    titles, _, _ = results(client, "?thematique=sante&thematique=emploi&sponsor=dinum")
    assert titles == ["Alpha", "Charlie"]
    titles, _, _ = results(client, "?q=soigner")
    assert titles == ["Alpha"]
    titles, _, soup = results(client, "?phase=construction&q=zzz")
    assert titles == []
    assert "Aucune startup ne correspond" in soup.get_text()


def test_sort_by_latest_phase_change_and_forged_values_are_ignored(client, network):
    titles, _, _ = results(client, "?tri=recent")
    assert titles == ["Bravo", "Alpha", "Charlie", "Delta"]  # no phase at all comes last
    titles, _, _ = results(client, "?phase=inexistante&incubateur=%00&page=abc&tri=drop")
    assert titles == ["Alpha", "Bravo", "Charlie", "Delta"]


def test_active_filters_can_be_removed_one_by_one(client, network):
    _, _, soup = results(client, "?phase=construction&incubateur=dinum")
    removal = {a.get_text(strip=True): a["href"] for a in soup.select(".fr-tag--dismiss")}
    assert removal["Phase actuelle : Construction"] == "?incubateur=dinum"


def count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def test_query_count_does_not_grow_with_the_number_of_startups(client, home, settings):
    settings.FABRIQUE_PAGE_CACHE = False  # measures rendering, not the page cache (tests/test_caching.py)
    phase = PhaseFactory(slug="construction", name="Construction")
    terms = [ThematiqueFactory(slug=f"t{n}", name=f"Thème {n}") for n in range(3)]
    owner = incubator(home, "incub")
    for n in range(10):
        startup(home, f"Startup {n:03d}", incubator=owner, phases=[(phase, "2022-01-01")], thematiques=terms)
    url = "/startups/?phase=construction&tri=recent"
    count_queries(client, url)  # warm the site and settings caches
    small = count_queries(client, url)
    for n in range(10, 200):
        startup(home, f"Startup {n:03d}", incubator=owner, phases=[(phase, "2022-01-01")], thematiques=terms)
    large = count_queries(client, url)
    assert small == large
    assert count_queries(client, url + "&page=5") == large
