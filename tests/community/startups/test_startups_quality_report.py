"""The admin report « Qualité des données importées »: the last beta.gouv.fr run's data-quality issues,
per fiche, with counts matching the import's JSON report, links, filters, CSV export, permissions."""

import csv
import io
import json
from collections import Counter

from django.core.management import call_command
from django.urls import reverse

import pytest
from bs4 import BeautifulSoup

from community.startups.models import ImportIssue, StartupPage
from tests.community.members.factories import make_user
from tests.community.startups.factories import startup_index
from tests.exports import download

pytestmark = pytest.mark.django_db

REPORT = "startups_import_issues"


def run_import(directory, tmp_path, *extra):
    """The JSON report and the printed summary of one run."""
    report_path, output = tmp_path / "rapport.json", io.StringIO()
    call_command("import_betagouv", str(directory), "--report", str(report_path), *extra, stdout=output)
    return json.loads(report_path.read_text(encoding="utf-8")), output.getvalue()


def stored_issues():
    return list(
        ImportIssue.objects.order_by("source", "position").values_list("source", "kind", "message", "page")
    )


def shown_counts(html):
    soup = BeautifulSoup(html, "html.parser")
    return {
        row["data-kind"]: int(row.select_one(".import-issues__count").get_text(strip=True))
        for row in soup.select(".import-issues__kinds tr[data-kind]")
    }


def one_fiche_tree(tmp_path, name, title_yaml):
    """A beta.gouv.fr content tree of one fiche (unknown incubator: a quality issue) and its phase."""
    startups = tmp_path / "content" / "startups"
    startups.mkdir(parents=True)
    (startups / name).write_text(
        f"---\ntitle: {title_yaml}\nmission: Tester\nincubator: nulle-part\n"
        "phases:\n  - name: investigation\n    start: 2024-01-01\n---\nTexte.\n",
        encoding="utf-8",
    )
    phases = tmp_path / "content" / "phases"
    phases.mkdir()
    (phases / "investigation.md").write_text("---\nlabel: Investigation\norder: 1\n---\n", encoding="utf-8")
    return tmp_path / "content"


def test_report_counts_match_the_json_report_of_the_real_sample(client, home, shared_fixtures, tmp_path):
    report, _ = run_import(shared_fixtures / "betagouv", tmp_path, "--publish")
    quality = report["notices"]["quality"]
    expected = {kind: group["count"] for kind, group in quality.items()}
    total = sum(expected.values())
    assert total > 50 and len(expected) > 5  # the sample has plenty to fix: the test can fail

    client.force_login(make_user("coach", ["Coachs"]))
    response = client.get(reverse(REPORT))
    assert response.status_code == 200
    html = response.content.decode()
    assert shown_counts(html) == expected
    sources = len({item["source"] for group in quality.values() for item in group["items"]})
    assert f"<strong>{total}</strong> problèmes" in html and f"<strong>{sources}</strong> fiches" in html
    # Per fiche, the stored issues are the JSON report's, message for message.
    json_items = Counter((i["source"], i["message"]) for group in quality.values() for i in group["items"])
    assert Counter(ImportIssue.objects.values_list("source", "message")) == json_items
    # Information notices (empty optional fields…) are counted in the JSON, never listed here.
    assert (
        report["notices"]["info"]
        and not ImportIssue.objects.filter(message__startswith="champs vides").exists()
    )

    # Filtered by kind: overlapping phases, with links to the page (admin and live) and to the fiche.
    overlap = next(kind for kind in expected if "se chevauchent" in kind)
    response = client.get(reverse(REPORT), {"kind": overlap})
    soup = BeautifulSoup(response.content, "html.parser")
    rows = soup.select("table.import-issues tbody tr")
    assert len(rows) == expected[overlap]
    assert {row["data-source"] for row in rows} >= {"startups/uai_siret.md", "startups/basegun.md"}
    uai = StartupPage.objects.get(betagouv_id="uai_siret")
    row = soup.select_one('tr[data-source="startups/uai_siret.md"]')
    hrefs = [a["href"] for a in row.select("a")]
    assert hrefs == [
        "https://github.com/betagouv/beta.gouv.fr/blob/master/content/_startups/uai_siret.md",
        reverse("wagtailadmin_pages:edit", args=[uai.pk]),
        uai.url,
    ]
    assert "se chevauchent" in row.get_text()

    # CSV export: one line per issue, the source file's address in its own column.
    response = client.get(reverse(REPORT), {"export": "csv"})
    assert response.status_code == 200
    lines = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))
    assert len(lines) == total
    uai_lines = [line for line in lines if line["Fiche"] == "startups/uai_siret.md"]
    assert uai_lines and uai_lines[0]["Fichier source"].endswith("/content/_startups/uai_siret.md")
    assert uai_lines[0]["Page"] == uai.title

    # A second run that changes nothing leaves the same list.
    before = stored_issues()
    again, output = run_import(shared_fixtures / "betagouv", tmp_path, "--publish")
    assert again["created"] == again["updated"] == 0
    assert f"Rien n'a changé : {again['unchanged']} inchangés." in output
    assert stored_issues() == before
    # A dry run keeps the last real run's list.
    run_import(shared_fixtures / "betagouv", tmp_path, "--dry-run")
    assert stored_issues() == before


def test_without_a_source_address_the_report_shows_the_path(client, home, settings, tmp_path):
    settings.FABRIQUE_BETAGOUV_SOURCE_URL = ""
    report, _ = run_import(one_fiche_tree(tmp_path, "fiche-test.md", "Fiche test"), tmp_path)
    assert "incubateur introuvable" in report["notices"]["quality"]
    client.force_login(make_user("admin", ["Administrateurs"]))
    soup = BeautifulSoup(client.get(reverse(REPORT)).content, "html.parser")
    row = soup.select_one('tr[data-source="startups/fiche-test.md"]')
    assert row.select_one("code").get_text() == "startups/fiche-test.md"
    assert "github.com" not in str(row)
    assert "incubateur introuvable : « nulle-part »" in row.get_text()


def test_report_is_closed_to_visitors_members_and_editors_without_rights_on_startups(
    client, sections, people
):
    startup_index(sections["guides"].get_parent())
    url = reverse(REPORT)
    assert client.get(url).status_code == 302  # anonymous: to the login page
    client.force_login(people["member"])
    assert client.get(url).status_code in (302, 403)  # no admin access at all
    # Moderators edit the resources section only (per-section permissions, home/editorial.py).
    client.force_login(people["moderator"])
    for params in ({}, {"export": "csv"}):
        refused = client.get(url, params)  # Wagtail's admin answers a refusal by going back home
        assert refused.status_code == 302 and refused.url == reverse("wagtailadmin_home")
    assert "qualite-donnees-importees" not in client.get(reverse("wagtailadmin_home")).content.decode()
    client.force_login(people["admin"])
    assert client.get(url).status_code == 200
    assert "qualite-donnees-importees" in client.get(reverse("wagtailadmin_home")).content.decode()


def test_the_csv_export_turns_a_fiche_s_formula_into_text(client, home, settings, tmp_path):
    # Fiches are written by anyone with a pull request on beta.gouv.fr: their titles reach the export.
    run_import(one_fiche_tree(tmp_path, "formule.md", "'=HYPERLINK(\"http://pirate.example\")'"), tmp_path)
    client.force_login(make_user("admin", ["Administrateurs"]))
    rows = download(client, reverse(REPORT), "csv")
    titles = [row[rows[0].index("Page")] for row in rows[1:]]
    assert titles and set(titles) == {'\'=HYPERLINK("http://pirate.example")'}  # one row per issue
