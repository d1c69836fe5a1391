"""Readers' feedback downloads as CSV or XLSX for those who read the report, and for no one else."""

import pytest

from community.feedback.models import PageFeedback
from tests.community.members.factories import make_user
from tests.exports import download
from tests.home.factories import ContentPageFactory

pytestmark = pytest.mark.django_db

REPORT = "/admin/avis/"


@pytest.fixture
def page(home):
    page = ContentPageFactory(parent=home, title="Préparer son comité", slug="preparer-son-comite")
    PageFeedback.objects.create(page=page, useful=True, comment="Clair et utile.")
    PageFeedback.objects.create(page=page, useful=False, comment='=HYPERLINK("http://pirate.example")')
    PageFeedback.objects.create(page=page, useful=True, user=make_user("lecteur"))
    return page


@pytest.mark.parametrize("export_format", ["csv", "xlsx"])
def test_the_report_downloads_one_row_per_page(client, page, export_format):
    client.force_login(make_user("coach", ["Coachs"]))
    assert "export=xlsx" in client.get(REPORT).content.decode()
    rows = download(client, REPORT, export_format)
    assert rows == [
        ["Page", "Chemin de la page", "Avis", "Oui", "Taux de satisfaction (%)"],
        ["Préparer son comité", page.url_path, "3", "2", "67"],
    ]


def test_a_page_s_answers_download_without_their_authors_and_without_formulas(client, page):
    client.force_login(make_user("moderatrice", ["Modérateurs"]))
    heading, *rows = download(client, f"{REPORT}{page.pk}/", "csv")
    assert heading == ["Date", "Utile", "Commentaire"]
    assert sorted((useful, comment) for _, useful, comment in rows) == [
        ("non", '\'=HYPERLINK("http://pirate.example")'),  # text, never a formula in a spreadsheet
        ("oui", ""),
        ("oui", "Clair et utile."),
    ]
    assert "lecteur" not in str(rows)
    xlsx = download(client, f"{REPORT}{page.pk}/", "xlsx")
    assert xlsx[0] == ["Date", "Utile", "Commentaire"] and len(xlsx) == 4


def test_downloads_are_refused_to_members_and_visitors(client, page):
    for url in (REPORT, f"{REPORT}{page.pk}/"):
        assert client.get(url, {"export": "csv"}).status_code == 302  # to the admin login
    client.force_login(make_user("membre"))
    for url in (REPORT, f"{REPORT}{page.pk}/"):
        response = client.get(url, {"export": "csv"})
        assert response.status_code in (302, 403)
        assert not response.get("Content-Disposition")
