"""Site moderators list and edit working groups in the Wagtail admin; members never reach it."""

import pytest

from tests.community.groups.factories import GroupFactory

pytestmark = pytest.mark.django_db


def test_site_moderators_list_and_edit_groups_in_the_admin(client, home, roles):
    group = GroupFactory(name="Cercle Quokka privé", visibility="prive")
    client.force_login(roles["moderation"])
    listing = client.get("/admin/groupes/")
    assert listing.status_code == 200
    assert "Cercle Quokka privé" in listing.content.decode()
    assert client.get(f"/admin/groupes/edit/{group.pk}/").status_code == 200


@pytest.mark.parametrize("role", ["membre", "coordination"])
def test_members_and_coordinators_have_no_admin(client, home, roles, role):
    GroupFactory()
    client.force_login(roles[role])
    response = client.get("/admin/groupes/")
    assert response.status_code in (302, 403)
    assert "Groupe" not in response.content.decode()
