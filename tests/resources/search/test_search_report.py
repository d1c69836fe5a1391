"""The admin report « Recherches sans résultat »: grouped by query over 7/30/90 days, exported,
answered by a draft guide that marks the query as handled."""

from datetime import timedelta

from django.utils import timezone

import pytest

from resources.guides.models import GuidePage
from resources.search.models import HandledQuery, SearchRecord
from tests.exports import download

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("search_path")]

REPORT = "/admin/recherches/"


def searched(client, query, times=1):
    for _ in range(times):
        assert client.get("/recherche/", {"q": query}).status_code == 200


def test_zero_result_search_appears_in_the_report(client, sections, people):
    searched(client, "Télétravail des agents", times=2)
    old = SearchRecord.objects.create(query="archives anciennes", result_count=0)
    SearchRecord.objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(days=40))
    client.force_login(people["coach"])
    response = client.get(REPORT)
    assert response.status_code == 200
    rows = response.context["object_list"]
    assert [(row["query"], row["searches"]) for row in rows] == [("teletravail des agents", 2)]
    assert "Créer un guide ou une ressource pour cette demande" in response.content.decode()
    rows = client.get(REPORT, {"periode": "90"}).context["object_list"]
    assert {row["query"] for row in rows} == {"teletravail des agents", "archives anciennes"}
    rows = client.get(REPORT, {"periode": "7"}).context["object_list"]
    assert {row["query"] for row in rows} == {"teletravail des agents"}


def test_the_report_is_for_editors_only(client, people):
    client.force_login(people["member"])
    assert client.get(REPORT).status_code in (302, 403)
    client.force_login(people["moderator"])
    assert client.get(REPORT).status_code == 200


@pytest.mark.parametrize("export_format", ["csv", "xlsx"])
def test_report_export(client, sections, people, export_format):
    searched(client, "=HYPERLINK(1)")
    searched(client, "budget cantine", times=3)
    client.force_login(people["coach"])
    rows = download(client, REPORT, export_format, {"periode": "30"})
    assert rows[0] == ["Recherche", "Nombre de recherches", "Dernière recherche", "Traitée"]
    body = {row[0]: row for row in rows[1:]}
    assert body["budget cantine"][1] == "3" and body["budget cantine"][3] == "non"
    formula = "'=hyperlink(1)" if export_format == "csv" else "=hyperlink(1)"
    assert formula in body


def test_creating_a_draft_marks_the_query_handled(client, sections, people):
    searched(client, "charte graphique")
    client.force_login(people["coach"])
    response = client.post("/admin/recherches/brouillon/", {"query": "charte graphique"})
    guide = GuidePage.objects.get(title="Charte graphique")
    assert response.status_code == 302 and response["Location"] == f"/admin/pages/{guide.pk}/edit/"
    assert not guide.live and guide.get_parent().pk == sections["guides"].pk
    assert HandledQuery.objects.get(query="charte graphique").page_id == guide.pk
    response = client.get(REPORT)
    assert "Traitée" in response.content.decode()
    assert "Créer un guide ou une ressource" not in response.content.decode()
    assert client.get(f"/{sections['guides'].slug}/charte-graphique/").status_code == 404  # a draft


def test_members_cannot_create_drafts(client, sections, people):
    client.force_login(people["member"])
    assert client.post("/admin/recherches/brouillon/", {"query": "x"}).status_code in (302, 403)
    assert not GuidePage.objects.exists()
