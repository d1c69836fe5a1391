"""The admin's startups listing downloads as CSV or XLSX for editors who may see the startups."""

import pytest

from community.startups.models import Organisation
from tests.community.members.factories import make_user
from tests.community.startups.factories import incubator, startup
from tests.core.taxonomy.factories import PhaseFactory, ThematiqueFactory
from tests.exports import download

pytestmark = pytest.mark.django_db

LISTING = "/admin/startups_admin/"


@pytest.fixture
def startups(home):
    lab = incubator(home, "fabrique-des-territoires", title="Fabrique des territoires")
    sponsor = Organisation.objects.create(slug="dinum", name="Direction du numérique", acronym="DINUM")
    cantine = startup(
        home,
        "Cantine locale",
        phases=[(PhaseFactory(slug="construction", name="Construction"), "2023-03-01")],
        thematiques=[ThematiqueFactory(slug="education", name="Éducation")],
        sponsors=[sponsor],
        incubator=lab,
        mission="=1+1 servir des repas locaux",
        contact="jeanne.martin@exemple.gouv.fr",
        accessibility_status="partiellement conforme",
        techno=["Django", "PostgreSQL"],
    )
    return cantine


@pytest.mark.parametrize("export_format", ["csv", "xlsx"])
def test_an_administrator_downloads_every_startup(client, startups, export_format):
    client.force_login(make_user("administratrice", ["Administrateurs"]))
    listing = client.get(LISTING)
    assert listing.status_code == 200 and "Cantine locale" in listing.content.decode()
    assert "export=csv" in listing.content.decode()
    heading, *rows = download(client, LISTING, export_format)
    assert heading[:4] == ["Startup", "Identifiant beta.gouv.fr", "Adresse de la page", "Statut"]
    assert "Sponsors" in heading and "Accessibilité" in heading
    (row,) = rows
    cells = dict(zip(heading, row, strict=True))
    assert cells["Startup"] == "Cantine locale"
    assert cells["Incubateur"] == "Fabrique des territoires"
    assert cells["Phase actuelle"] == "Construction"
    assert cells["Sponsors"] == "Direction du numérique (DINUM)"
    assert cells["Thématiques"] == "Éducation"
    assert cells["Technologies"] == "Django, PostgreSQL"
    assert cells["Accessibilité"] == "Partiellement conforme"
    assert cells["Adresse de la page"] == startups.url
    assert "jeanne.martin" not in str(row)  # the fiche's contact is often a person's address
    if export_format == "csv":
        assert cells["Mission"] == "'=1+1 servir des repas locaux"


def test_editors_without_rights_on_startups_get_no_row_and_members_no_file(client, startups, sections):
    # Once the resources section exists, moderators only explore it (home/editorial.py).
    client.force_login(make_user("moderatrice", ["Modérateurs"]))
    heading, *rows = download(client, LISTING, "csv")
    assert heading[0] == "Startup" and rows == []
    client.logout()
    assert client.get(LISTING, {"export": "csv"}).status_code == 302  # to the admin login
    client.force_login(make_user("membre"))
    response = client.get(LISTING, {"export": "csv"})
    assert response.status_code in (302, 403)
    assert not response.get("Content-Disposition")
