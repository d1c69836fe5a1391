"""The resource library lists live resources with kind/phase/role/thématique facets that combine and count."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from tests.core.taxonomy.factories import PhaseFactory, RoleFactory, ThematiqueFactory
from tests.resources.library.factories import (
    ResourceIndexPageFactory,
    ResourceKindFactory,
    ResourcePageFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def library(home):
    index = ResourceIndexPageFactory(parent=home)
    modele, outil = (
        ResourceKindFactory(slug="modele", name="Modèle"),
        ResourceKindFactory(slug="outil", name="Outil"),
    )
    invest, constr = PhaseFactory(slug="investigation"), PhaseFactory(slug="construction")
    coach, dev = RoleFactory(slug="coach"), RoleFactory(slug="developpeur")
    sante = ThematiqueFactory(slug="sante", name="Santé")
    ResourcePageFactory(
        parent=index,
        title="Fiche de poste pour le recrutement",
        kind=modele,
        taxonomies={"phases": [invest, constr], "roles": [coach]},
    )
    ResourcePageFactory(
        parent=index, title="Tableau d'impact", kind=modele, taxonomies={"phases": [constr], "roles": [dev]}
    )
    ResourcePageFactory(
        parent=index,
        title="Outil d'hébergement",
        kind=outil,
        taxonomies={"phases": [constr], "roles": [dev], "thematiques": [sante]},
    )
    ResourcePageFactory(parent=index, title="Brouillon secret", kind=outil, live=False)
    return index


def get(client, query=""):
    response = client.get("/ressources/" + (f"?{query}" if query else ""))
    assert response.status_code == 200
    return response


def titles(response):
    return sorted(page.title for page in response.context["page_obj"])


def counts(response, param):
    for state in response.context["facet_states"]:
        if state.facet.param == param:
            return {option.value: option.count for option in state.options}
    raise AssertionError(param)


def test_lists_live_resources_with_counts(client, library):
    response = get(client)
    assert titles(response) == [
        "Fiche de poste pour le recrutement",
        "Outil d'hébergement",
        "Tableau d'impact",
    ]
    assert counts(response, "type") == {"modele": 2, "outil": 1}
    assert counts(response, "phase") == {"investigation": 1, "construction": 3}
    assert counts(response, "thematique") == {"sante": 1}
    assert "Brouillon secret" not in response.content.decode()


def test_facets_combine_and_count_under_the_other_filters(client, library):
    response = get(client, "type=modele&phase=construction")
    assert titles(response) == ["Fiche de poste pour le recrutement", "Tableau d'impact"]
    # Kind counts follow the phase filter only; phase counts follow the kind filter only.
    assert counts(response, "type") == {"modele": 2, "outil": 1}
    assert counts(response, "phase") == {"investigation": 1, "construction": 2}
    assert counts(response, "role") == {"coach": 1, "developpeur": 1}
    response = get(client, "type=modele&role=developpeur")
    assert titles(response) == ["Tableau d'impact"]
    response = get(client, "type=outil&type=modele&phase=investigation")
    assert titles(response) == ["Fiche de poste pour le recrutement"]


def test_text_query_is_stemmed_and_combines_with_facets(client, library):
    assert titles(get(client, "q=recruter")) == ["Fiche de poste pour le recrutement"]
    assert titles(get(client, "q=hebergement")) == ["Outil d'hébergement"]
    assert titles(get(client, "q=recruter&type=outil")) == []
    response = get(client, "q=recruter&type=outil")
    assert "Aucune ressource ne correspond" in response.content.decode()


def test_sorts_and_bad_input(client, library):
    response = get(client, "tri=titre")
    assert [page.title for page in response.context["page_obj"]][0] == "Fiche de poste pour le recrutement"
    response = get(client, "type=%00&phase=inconnue&page=999999999999&tri=drop&q=" + "x" * 5000)
    assert response.status_code == 200


def test_query_count_does_not_grow_with_the_number_of_resources(client, library, settings):
    settings.FABRIQUE_PAGE_CACHE = False  # measures rendering, not the page cache (tests/test_caching.py)

    def count_queries():
        with CaptureQueriesContext(connection) as queries:
            get(client, "phase=construction")
        return len(queries)

    count_queries()  # warm the per-process caches (site root paths, content types)
    small = count_queries()
    for number in range(12):
        ResourcePageFactory(parent=library, title=f"Ressource en plus {number}")
    assert count_queries() == small
