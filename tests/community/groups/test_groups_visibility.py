"""Who sees which group, in the list and on its page: every visibility × every role."""

import pytest

from community.groups.models import Membership
from tests.community.groups.factories import join

pytestmark = pytest.mark.django_db

ROLES = ["anonyme", "membre", "membre_du_groupe", "coordination", "moderation"]
# Who may read a group of each visibility.
READERS = {
    "public": set(ROLES),
    "membres": {"membre", "membre_du_groupe", "coordination", "moderation"},
    "prive": {"membre_du_groupe", "coordination", "moderation"},
}


def as_role(client, roles, role):
    if roles[role] is not None:
        client.force_login(roles[role])
    return client


@pytest.mark.parametrize("visibility", ["public", "membres", "prive"])
@pytest.mark.parametrize("role", ROLES)
def test_list_and_page_show_a_group_only_to_its_readers(client, home, roles, make_group, visibility, role):
    group = make_group(visibility, name="Club Quokka des designers")
    as_role(client, roles, role)
    listed = client.get("/groupes/")
    page = client.get(group.get_absolute_url())
    assert listed.status_code == 200
    if role in READERS[visibility]:
        assert "Club Quokka des designers" in listed.content.decode()
        assert page.status_code == 200
        assert "Partager nos pratiques" in page.content.decode()
    else:
        assert "Club Quokka des designers" not in listed.content.decode()
        assert page.status_code == 404  # never a 403: a private group's existence does not leak


@pytest.mark.parametrize("role", ROLES)
def test_member_list_is_for_logged_in_members_only(client, home, roles, make_group, role):
    group = make_group("public")
    as_role(client, roles, role)
    html = client.get(group.get_absolute_url()).content.decode()
    shows_members = 'id="membres"' in html
    assert shows_members == (role != "anonyme")
    # Coordinators are named for every reader.
    assert "Alex" in html or "alex.coordination" in html


def test_a_pending_request_does_not_open_a_private_group(client, home, roles, make_group):
    group = make_group("prive")
    join(group, roles["membre"], status=Membership.Status.REQUESTED)
    client.force_login(roles["membre"])
    assert client.get(group.get_absolute_url()).status_code == 404
    assert group.name not in client.get("/groupes/").content.decode()


@pytest.mark.parametrize("role", ROLES)
def test_an_announced_private_group_only_shows_its_door_to_members(client, home, roles, make_group, role):
    group = make_group("prive", name="Cercle Quokka privé", listed=True)
    as_role(client, roles, role)
    page = client.get(group.get_absolute_url())
    if role == "anonyme":
        assert page.status_code == 404
        return
    html = page.content.decode()
    assert page.status_code == 200
    readable = role in READERS["prive"]
    assert ('id="membres"' in html) == readable
    assert ('id="ressources"' in html) == readable
    assert ("Demander à rejoindre" in html) == (role in ("membre", "moderation"))
