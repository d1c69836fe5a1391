"""The community lead's dashboard: coaches and admins only, exported without formulas."""

import pytest

from tests.community.health.conftest import answers
from tests.community.members.factories import make_coach, make_user
from tests.core.taxonomy.factories import RoleFactory
from tests.exports import download

pytestmark = pytest.mark.django_db

DASHBOARD = "/admin/sante-communaute/"


def test_coaches_read_and_export_the_figures(client, home):
    formula = RoleFactory(slug="formule", name="=SOMME(1;2)")
    answers([10] * 10, roles=[formula])
    client.force_login(make_coach("coach-sante"))
    page = client.get(DASHBOARD)
    assert page.status_code == 200 and "Santé de la communauté" in page.content.decode()
    rows = download(client, DASHBOARD, "csv")
    assert rows[0] == ["Indicateur", "Groupe", "Réponses ou membres", "Valeur"]
    assert ["NPS par rôle (12 mois)", "'=SOMME(1;2)", "10", "100"] in rows
    assert any(row[0] == "Membres ayant contribué en 12 mois (%)" for row in rows)
    xlsx = download(client, DASHBOARD, "xlsx")
    assert ["NPS par rôle (12 mois)", "=SOMME(1;2)", "10", "100"] in xlsx


def test_members_cannot_open_the_dashboard(client, home):
    client.force_login(make_user("simple"))
    assert client.get(DASHBOARD).status_code in (302, 403)
    client.logout()
    assert client.get(DASHBOARD).status_code == 302
