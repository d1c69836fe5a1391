"""« Contributions des membres »: moderators list and download the members' contributions with their state."""

import pytest

from tests.community.members.factories import make_fiche
from tests.core.factories import with_revision
from tests.exports import download
from tests.resources.library.factories import ResourceKindFactory, ResourcePageFactory

pytestmark = pytest.mark.django_db

REPORT = "/admin/rapports/contributions/"


@pytest.fixture
def contributions(sections):
    kind = ResourceKindFactory(slug="modele", name="Modèle")
    author = make_fiche("alice.martin", "Alice Martin")
    published = with_revision(
        ResourcePageFactory(
            parent=sections["ressources"], title="Grille d'entretien", kind=kind, contributor=author
        )
    )
    draft = with_revision(
        ResourcePageFactory(
            parent=sections["ressources"], title="=Budget type", kind=kind, contributor=author, live=False
        )
    )
    ResourcePageFactory(parent=sections["ressources"], title="Ressource de l'équipe", kind=kind)
    return published, draft


@pytest.mark.parametrize("export_format", ["csv", "xlsx"])
def test_moderators_download_the_contributions_with_their_state(client, contributions, people, export_format):
    client.force_login(people["moderator"])
    html = client.get(REPORT).content.decode()
    assert "Grille d&#x27;entretien" in html and "Ressource de l" not in html  # only members' ones
    assert "export=csv" in html
    heading, *rows = download(client, REPORT, export_format)
    assert heading == ["Ressource", "Proposée par", "Type", "État", "Publiée le", "Chemin de la page"]
    states = {row[0]: (row[1], row[2], row[3]) for row in rows}
    draft_title = "'=Budget type" if export_format == "csv" else "=Budget type"
    assert states == {
        "Grille d'entretien": ("Alice Martin", "Modèle", "publiée"),
        draft_title: ("Alice Martin", "Modèle", "en attente"),
    }


def test_coaches_and_members_get_no_contribution(client, contributions, people):
    client.force_login(people["coach"])  # coaches do not moderate the library
    assert download(client, REPORT, "csv")[1:] == []
    client.force_login(people["member"])
    response = client.get(REPORT, {"export": "csv"})
    assert response.status_code in (302, 403) and not response.get("Content-Disposition")
    client.logout()
    assert client.get(REPORT, {"export": "csv"}).status_code == 302
