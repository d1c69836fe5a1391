"""The read-only Wagtail API (/api/v2/): live public pages only, public files only, cached, limited."""

import json

from django.test import override_settings

from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

import pytest

from tests.community.members.factories import make_user
from tests.community.startups.factories import startup
from tests.core.taxonomy.factories import PhaseFactory
from tests.resources.guides.factories import GuidePageFactory
from tests.resources.library.factories import ResourcePageFactory, make_document
from tests.visibility import HIDDEN, VISIBLE, make_visibility_pages, restrict

pytestmark = pytest.mark.django_db


@pytest.fixture
def pages(sections):
    return make_visibility_pages(ResourcePageFactory, sections["ressources"])


def titles(client, url="/api/v2/pages/", **params):
    response = client.get(url, {"limit": 20, **params})
    assert response.status_code == 200, response.content
    return sorted(item["title"] for item in response.json()["items"])


def test_pages_lists_only_live_public_pages_and_their_published_text(client, pages):
    response = client.get("/api/v2/pages/", {"type": "library.ResourcePage", "fields": "intro"})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    body = response.content.decode()
    assert HIDDEN not in body
    found = {item["title"]: item for item in response.json()["items"]}
    assert f"Page {VISIBLE}" in found and "Page publiée" in found
    assert found["Page publiée"]["intro"] == "Intro Page publiée"


def test_hidden_pages_have_no_detail_either(client, pages, home):
    hidden = home.get_descendants().filter(title__startswith=HIDDEN)
    assert hidden.count() == 5
    for page in hidden:
        assert client.get(f"/api/v2/pages/{page.pk}/").status_code == 404, page.title
    assert client.get(f"/api/v2/pages/{pages['public'].pk}/").status_code == 200


def test_a_member_or_an_editor_gets_the_same_anonymous_answer(client, pages):
    client.force_login(make_user("coach-api", ["Coachs"]))
    assert HIDDEN not in client.get("/api/v2/pages/", {"limit": 20}).content.decode()


def test_pages_under_a_restricted_page_are_hidden_too(client, sections):
    parent = GuidePageFactory(parent=sections["guides"], title="Dossier réservé")
    GuidePageFactory(parent=parent, title=f"{HIDDEN} sous-page")
    restrict(parent, PageViewRestriction.LOGIN)
    assert HIDDEN not in json.dumps(titles(client, type="guides.GuidePage"))
    assert titles(client, type="guides.GuidePage") == []


def test_page_types_give_their_api_fields(client, home):
    phase = PhaseFactory(slug="construction", name="Construction")
    page = startup(home, "Ma Startup", phases=[(phase, "2024-01-01")], contact="personne@beta.gouv.fr")
    response = client.get(
        "/api/v2/pages/",
        {"type": "startups.StartupPage", "fields": "mission,current_phase,phase_history,public_contact"},
    )
    item = response.json()["items"][0]
    assert item["id"] == page.pk
    assert item["current_phase"] == "construction"
    assert item["phase_history"] == [{"phase": "construction", "start": "2024-01-01", "end": None}]
    assert item["public_contact"] == ""
    assert "personne@beta.gouv.fr" not in response.content.decode()
    # The full detail view never carries the raw contact field either.
    assert "personne@" not in client.get(f"/api/v2/pages/{page.pk}/").content.decode()


def test_responses_are_cacheable_json_without_a_browsable_renderer(client, pages):
    response = client.get("/api/v2/pages/", HTTP_ACCEPT="text/html")
    assert response["Content-Type"] == "application/json"
    assert "public" in response["Cache-Control"] and "max-age=" in response["Cache-Control"]
    assert "Accept" not in response.get("Vary", "")
    # The anonymous page cache keeps it: the second read costs no SQL.
    assert client.get("/api/v2/pages/", HTTP_ACCEPT="text/html")["X-Page-Cache"] == "hit"


@override_settings(FABRIQUE_API_RATE_LIMIT=3, FABRIQUE_PAGE_CACHE=False)
def test_the_api_is_rate_limited_per_address(client, pages):
    for offset in range(3):
        assert client.get("/api/v2/pages/", {"offset": offset}).status_code == 200
    refused = client.get("/api/v2/pages/", {"offset": 9})
    assert refused.status_code == 429
    assert "patientez" in refused.json()["detail"]
    assert "no-cache" in refused["Cache-Control"]
    other = client.get("/api/v2/pages/", REMOTE_ADDR="10.0.0.2")
    assert other.status_code == 200


def test_documents_and_images_of_private_collections_are_not_listed(client, pages):
    root = Collection.get_first_root_node()
    private = root.add_child(name="Interne")
    inner = private.add_child(name="Interne / RH")
    CollectionViewRestriction.objects.create(
        collection=private, restriction_type=CollectionViewRestriction.LOGIN
    )
    public_doc = make_document(title="Modèle public")
    for collection in (private, inner):
        document = make_document(title=f"{HIDDEN} {collection.name}")
        document.collection = collection
        document.save()
    response = client.get("/api/v2/documents/")
    assert response.status_code == 200
    assert [item["title"] for item in response.json()["items"]] == [public_doc.title]
    assert client.get("/api/v2/images/").status_code == 200
