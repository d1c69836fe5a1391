"""The admin report of the GitBook imports' data-quality issues (dead links…): counts match the JSON
report, each space keeps its own list, a re-run leaves it unchanged, only guide editors see it."""

import json
from io import StringIO

from django.core.management import call_command
from django.urls import reverse

import pytest
from bs4 import BeautifulSoup

from resources.guides.models import GuideImportIssue, GuidePage
from tests import DATA_DIR

pytestmark = pytest.mark.django_db

REPORT = "guides_import_issues"


def run_import(space, tmp_path):
    report = tmp_path / f"rapport-{space}.json"
    out = StringIO()
    call_command("import_gitbook", str(DATA_DIR / "gitbook" / space), "--report", str(report), stdout=out)
    return json.loads(report.read_text(encoding="utf-8"))


def stored():
    return list(GuideImportIssue.objects.values_list("source", "kind", "message", "page"))


def test_dead_links_of_each_space_are_listed_with_counts_matching_the_json(
    client, sections, people, tmp_path
):
    report = run_import("mini", tmp_path)
    quality = report["notices"]["quality"]
    dead = next(kind for kind in quality if kind.startswith("lien vers une page absente"))
    assert quality[dead]["count"] >= 1

    client.force_login(people["coach"])
    response = client.get(reverse(REPORT))
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    shown = {
        row["data-kind"]: int(row.select_one(".import-issues__count").get_text(strip=True))
        for row in soup.select(".import-issues__kinds tr[data-kind]")
    }
    assert shown == {kind: group["count"] for kind, group in quality.items()}

    rows = BeautifulSoup(client.get(reverse(REPORT), {"kind": dead}).content, "html.parser").select(
        "table.import-issues tbody tr"
    )
    assert len(rows) == quality[dead]["count"]
    readme = GuidePage.objects.get(source_key="gitbook:mini/README.md")
    row = next(row for row in rows if row["data-source"] == "mini/README.md")
    assert "absente-du-sommaire.md" in row.get_text()
    assert row.select_one("code").get_text() == "mini/README.md"  # the export's path, no web address
    assert row.select_one("a")["href"] == reverse("wagtailadmin_pages:edit", args=[readme.pk])

    # Another space has its own list; re-running the first leaves both as they were.
    before = stored()
    run_import("nested", tmp_path)
    assert [issue for issue in stored() if issue[0].startswith("mini/")] == before
    again = run_import("mini", tmp_path)
    assert again["created"] == again["updated"] == 0
    assert [issue for issue in stored() if issue[0].startswith("mini/")] == before


def test_guide_report_is_for_guide_editors_only(client, sections, people):
    url = reverse(REPORT)
    assert client.get(url).status_code == 302 and "login" in client.get(url).url
    client.force_login(people["moderator"])  # moderators edit resources, not guides
    refused = client.get(url, {"export": "csv"})
    assert refused.status_code == 302 and refused.url == reverse("wagtailadmin_home")
    client.force_login(people["coach"])
    assert client.get(url, {"export": "csv"}).status_code == 200
