"""Every site search is logged without personal data (query, count, facets, role, click), for a
bounded time; the share of searches without result is a key figure."""

from datetime import timedelta

from django.core.management import call_command
from django.utils import timezone

import pytest

from core.taxonomy.models import Role
from resources.search.figures import zero_result_share
from resources.search.models import SearchRecord
from tests.community.members.factories import make_user
from tests.resources.library.factories import ResourceIndexPageFactory, ResourcePageFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("search_path")]


@pytest.fixture
def pages(home):
    index = ResourceIndexPageFactory(parent=home)
    return {
        "public": ResourcePageFactory(parent=index, title="Zanzibar public", slug="public"),
        "draft": ResourcePageFactory(parent=index, title="Zanzibar brouillon", slug="brouillon", live=False),
    }


def test_a_search_is_logged_without_personal_data(client, pages):
    role = Role.objects.create(slug="developpeur", name="Développeur·se", order=1)
    user = make_user("chercheuse", first_name="Ada", last_name="Lovelace")
    user.member.roles.add(role)
    user.member.save()
    client.force_login(user)
    response = client.get("/recherche/", {"q": "  ZANZIBAR  Public ", "role": "developpeur"})
    assert response.status_code == 200
    record = SearchRecord.objects.get()
    assert record.query == "zanzibar public"
    assert record.role == "Développeur·se"
    assert record.facets == {"role": ["developpeur"]}
    assert record.result_count == response.context["page_obj"].paginator.count
    # No field can hold who searched: no account, address, session or browser.
    fields = {field.name for field in SearchRecord._meta.get_fields()}
    assert fields == {"id", "query", "result_count", "facets", "role", "clicked_page", "created_at"}
    stored = " ".join(str(value) for value in SearchRecord.objects.values().get().values())
    for personal in ("chercheuse", "Lovelace", user.email):
        assert personal not in stored


def test_an_anonymous_search_has_no_role_and_is_never_a_shared_cached_copy(client, pages):
    response = client.get("/recherche/", {"q": "zanzibar"})
    assert "private" in response["Cache-Control"]
    record = SearchRecord.objects.get()
    assert (record.query, record.role, record.result_count) == ("zanzibar", "", 1)


def test_turning_pages_suggestions_and_empty_searches_are_not_logged(client, pages):
    client.get("/recherche/", {"q": "zanzibar", "page": "2"})
    client.get("/recherche/suggestions/", {"q": "zanz"})
    client.get("/recherche/")
    assert not SearchRecord.objects.exists()


def test_the_opened_result_is_recorded_once_with_a_signed_token(client, pages):
    response = client.get("/recherche/", {"q": "zanzibar"})
    token = response.context["click_token"]
    assert f'data-search-click="{token}"' in response.content.decode()
    record = SearchRecord.objects.get()
    # A forged token, or a page the searcher may not read, changes nothing.
    assert (
        client.post("/recherche/clic/", {"recherche": f"{record.pk}", "page": pages["public"].pk}).status_code
        == 204
    )
    assert client.post("/recherche/clic/", {"recherche": token, "page": pages["draft"].pk}).status_code == 204
    record.refresh_from_db()
    assert record.clicked_page is None
    client.post("/recherche/clic/", {"recherche": token, "page": pages["public"].pk})
    record.refresh_from_db()
    assert record.clicked_page_id == pages["public"].pk


def test_purge_deletes_searches_past_the_retention_period(pages, settings):
    settings.FABRIQUE_SEARCH_LOG_DAYS = 180
    old = SearchRecord.objects.create(query="ancienne", result_count=0)
    recent = SearchRecord.objects.create(query="recente", result_count=0)
    SearchRecord.objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(days=181))
    SearchRecord.objects.filter(pk=recent.pk).update(created_at=timezone.now() - timedelta(days=179))
    call_command("purge_search_log", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert list(SearchRecord.objects.values_list("query", flat=True)) == ["recente"]


def test_share_of_searches_without_result_over_30_days(client, pages):
    assert zero_result_share() is None
    client.get("/recherche/", {"q": "zanzibar"})
    client.get("/recherche/", {"q": "introuvable"})
    client.get("/recherche/", {"q": "inexistant"})
    older = SearchRecord.objects.create(query="vieille", result_count=0)
    SearchRecord.objects.filter(pk=older.pk).update(created_at=timezone.now() - timedelta(days=31))
    assert zero_result_share() == pytest.approx(66.7)
    assert zero_result_share(days=90) == 75.0
