"""/recherche/: French matching, ranking, extracts, facets, sorts, pagination, bad input, index updates."""

import datetime

from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from wagtail.search.models import IndexEntry

import pytest

from tests.core.taxonomy.factories import PhaseFactory, RoleFactory
from tests.home.factories import ContentPageFactory
from tests.resources.library.factories import (
    ResourceIndexPageFactory,
    ResourceKindFactory,
    ResourcePageFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def index(home):
    return ResourceIndexPageFactory(parent=home)


def search(client, **params):
    response = client.get("/recherche/", params)
    assert response.status_code == 200
    return response


def titles(response):
    return [entry["page"].title for entry in response.context["entries"]]


def test_stems_and_folds_accents_both_ways(client, index):
    ResourcePageFactory(parent=index, title="Guide du recrutement")
    ResourcePageFactory(parent=index, title="Travailler avec les collectivités")
    ResourcePageFactory(parent=index, title="Héberger un service")
    assert titles(search(client, q="recruter")) == ["Guide du recrutement"]
    assert titles(search(client, q="recrutements")) == ["Guide du recrutement"]
    assert titles(search(client, q="collectivite")) == ["Travailler avec les collectivités"]
    assert titles(search(client, q="COLLECTIVITÉS")) == ["Travailler avec les collectivités"]
    assert titles(search(client, q="hébergement")) == ["Héberger un service"]


def test_title_matches_rank_above_body_matches(client, index):
    ResourcePageFactory(
        parent=index,
        title="Une ressource sur autre chose",
        intro="Il y est question de budget, puis encore de budget et de prévision.",
    )
    ResourcePageFactory(parent=index, title="Préparer son budget", intro="Une trame simple.")
    assert titles(search(client, q="budget"))[0] == "Préparer son budget"


def test_a_long_title_match_ranks_above_a_body_that_repeats_the_word(client, index):
    ResourcePageFactory(
        parent=index,
        title="Compte rendu",
        intro="Budget : le budget, rien que le budget ; budget voté, budget exécuté, budgets.",
    )
    ResourcePageFactory(
        parent=index,
        title="Construire le budget annuel d'une startup d'État, ligne par ligne, avec son administration",
        intro="Une trame simple à remplir en équipe.",
    )
    ResourcePageFactory(parent=index, title="Sans rapport", intro="Le budget y est cité une fois.")
    assert titles(search(client, q="budgets"))[0].startswith("Construire le budget annuel")


def test_extracts_are_escaped_and_highlighted(client, index):
    ResourcePageFactory(
        parent=index,
        title="<script>alert(1)</script> Financement",
        intro="Le financement d'une <b>équipe</b> se prépare tôt.",
    )
    html = search(client, q="financer").content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; <mark>Financement</mark>" in html
    assert "Le <mark>financement</mark> d&#x27;une &lt;b&gt;équipe&lt;/b&gt;" in html


def test_facets_by_content_type_kind_phase_and_role_combine_with_counts(client, index, home):
    outil, modele = ResourceKindFactory(slug="outil"), ResourceKindFactory(slug="modele")
    construction = PhaseFactory(slug="construction")
    coach = RoleFactory(slug="coach")
    ResourcePageFactory(
        parent=index, title="Impact A", kind=outil, taxonomies={"phases": [construction], "roles": [coach]}
    )
    ResourcePageFactory(parent=index, title="Impact B", kind=modele, taxonomies={"phases": [construction]})
    ResourcePageFactory(parent=index, title="Impact C", kind=modele)
    ContentPageFactory(parent=home, title="Impact de Fabrique")

    def counts(response):
        return {
            state.facet.param: {option.value: option.count for option in state.options}
            for state in response.context["facet_states"]
        }

    response = search(client, q="impact")
    assert len(titles(response)) == 4
    assert counts(response) == {
        "contenu": {"resourcepage": 3, "contentpage": 1},
        "type": {"outil": 1, "modele": 2},
        "phase": {"construction": 2},
        "role": {"coach": 1},
    }
    response = search(client, q="impact", type="modele", phase="construction")
    assert titles(response) == ["Impact B"]
    assert counts(response)["type"] == {"outil": 1, "modele": 1}  # under the phase filter only
    assert counts(response)["phase"] == {"construction": 1}  # under the kind filter only
    response = search(client, q="impact", contenu="contentpage")
    assert titles(response) == ["Impact de Fabrique"]
    assert "Type de contenu : Pages de contenu" in response.content.decode()


def test_sort_by_date_and_pagination(client, index):
    now = timezone.now()
    for number in range(13):
        page = ResourcePageFactory(parent=index, title=f"Checklist numéro {number}")
        page.last_published_at = now - datetime.timedelta(days=number)
        page.save()
    response = search(client, q="checklist", tri="date")
    assert titles(response)[:2] == ["Checklist numéro 0", "Checklist numéro 1"]
    assert response.context["page_obj"].paginator.count == 13
    response = search(client, q="checklist", tri="date", page="2")
    assert titles(response) == ["Checklist numéro 10", "Checklist numéro 11", "Checklist numéro 12"]
    assert "page=1" in response.content.decode()


def test_query_count_per_results_page_does_not_grow(client, index, settings):
    settings.FABRIQUE_PAGE_CACHE = False  # measures rendering, not the page cache (tests/test_caching.py)

    def queries_for_one_page():
        with CaptureQueriesContext(connection) as queries:
            search(client, q="modèle")
        return len(queries)

    for number in range(3):
        ResourcePageFactory(parent=index, title=f"Modèle {number}")
    queries_for_one_page()
    small = queries_for_one_page()
    for number in range(30):
        ResourcePageFactory(parent=index, title=f"Autre modèle {number}")
    assert queries_for_one_page() == small


def test_empty_state_suggests_and_offers_to_relax_filters(client, index):
    ResourcePageFactory(
        parent=index, title="Convention de partenariat", kind=ResourceKindFactory(slug="modele")
    )
    ResourceKindFactory(slug="outil")
    html = search(client, q="xylophone").content.decode()
    assert "Aucun résultat" in html and "Vérifiez l’orthographe" in html
    html = search(client, q="convention", type="outil").content.decode()
    assert "relancez la recherche sans filtre" in html
    assert 'href="?q=convention"' in html


def test_one_letter_typos_and_partial_matches_are_helped(client, index):
    ResourcePageFactory(parent=index, title="Convention de partenariat")
    ResourcePageFactory(parent=index, title="Charte de partenariat")
    response = search(client, q="convnetion")
    assert titles(response) == ["Convention de partenariat"]
    assert "voici les résultats pour « convention »" in response.content.decode()
    response = search(client, q="charte xylophone")
    assert titles(response) == ["Charte de partenariat"]
    assert "au moins un" in response.content.decode()


@pytest.mark.parametrize(
    "params",
    [
        {"q": "x" * 100_000},
        {"q": "\x00\x01\x1b[31m recrutement \x7f"},
        {"q": '"(AND OR NOT*) -:^ ~'},
        {"q": "recrutement", "page": "abc"},
        {"q": "recrutement", "page": "99999999999999999999"},
        {"q": "recrutement", "page": "-1"},
        {"q": ["a", "b"], "tri": "'; DROP TABLE", "contenu": "inconnu", "phase": "\x00"},
        {"q": "de la le"},
        {"q": ""},
    ],
)
def test_bad_input_never_fails(client, index, params):
    ResourcePageFactory(parent=index, title="Guide du recrutement")
    assert client.get("/recherche/", params).status_code == 200
    response = client.get("/recherche/suggestions/", params)
    assert response.status_code == 200
    assert isinstance(response.json()["suggestions"], list)


@pytest.mark.parametrize(("typed", "expected"), [("r", True), ("re", True), ("rec", True), ("é", False)])
def test_autocomplete_returns_json_from_the_first_letters(client, index, typed, expected):
    ResourcePageFactory(parent=index, title="Recrutement : la fiche de poste")
    ResourcePageFactory(parent=index, title="Équipe et rituels")
    response = client.get("/recherche/suggestions/", {"q": typed})
    assert response["Content-Type"] == "application/json"
    suggestions = response.json()["suggestions"]
    assert ("Recrutement : la fiche de poste" in [item["title"] for item in suggestions]) is expected
    assert all(set(item) == {"title", "url", "type"} for item in suggestions)
    assert len(suggestions) <= 8


def test_autocomplete_ignores_accents(client, index):
    ResourcePageFactory(parent=index, title="Équipe et rituels")
    suggestions = client.get("/recherche/suggestions/", {"q": "equ"}).json()["suggestions"]
    assert [item["title"] for item in suggestions] == ["Équipe et rituels"]
    assert suggestions[0]["type"] == "Ressource"


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("recrutement", "Recruter une développeuse"),
        ("recrutements dev", "Recruter une développeuse"),
        ("collectivites", "Travailler avec les collectivités"),
        ("hébergement", "Héberger un service"),
    ],
)
def test_autocomplete_finds_a_whole_word_in_another_form(client, index, typed, expected):
    for title in ("Recruter une développeuse", "Travailler avec les collectivités", "Héberger un service"):
        ResourcePageFactory(parent=index, title=title)
    ResourcePageFactory(parent=index, title="Recevoir les usagers")
    suggestions = client.get("/recherche/suggestions/", {"q": typed}).json()["suggestions"]
    assert [item["title"] for item in suggestions] == [expected]


def test_index_follows_publish_unpublish_and_delete_without_update_index(client, index):
    page = ResourcePageFactory(parent=index, title="Gabarit de compte rendu")
    assert titles(search(client, q="gabarit")) == ["Gabarit de compte rendu"]
    page.title = "Trame de compte rendu"
    page.save_revision().publish()
    assert titles(search(client, q="trame")) == ["Trame de compte rendu"]
    assert titles(search(client, q="gabarit")) == []
    page.unpublish()
    assert titles(search(client, q="trame")) == []
    page.save_revision().publish()
    assert titles(search(client, q="trame")) == ["Trame de compte rendu"]
    content_type = ContentType.objects.get_for_model(page)
    assert IndexEntry.objects.filter(content_type=content_type, object_id=str(page.pk)).exists()
    page.delete()
    assert titles(search(client, q="trame")) == []
    assert not IndexEntry.objects.filter(object_id=str(page.pk)).exists()


def test_header_search_box_is_a_plain_form_enhanced_by_the_suggestions_script(client, home):
    html = client.get("/").content.decode()
    assert '<form action="/recherche/" method="get" role="search">' in html
    assert 'data-suggestions-url="/recherche/suggestions/"' in html
    assert "js/search-suggestions.js" in html
