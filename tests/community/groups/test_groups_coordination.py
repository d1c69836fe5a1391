"""A coordinator manages their group on the site, without any admin right; others cannot."""

from django.core import mail
from django.utils.html import escape

import pytest

from community.groups.memberships import LAST_COORDINATOR
from community.groups.models import Group, Membership
from tests.community.groups.factories import GroupFactory, coordinate, join
from tests.community.members.factories import make_user

pytestmark = pytest.mark.django_db


def action_url(group, membership, action):
    return f"/groupes/{group.slug}/gestion/membres/{membership.pk}/{action}/"


def test_a_member_creates_a_group_and_coordinates_it(client, home, roles):
    client.force_login(roles["membre"])
    response = client.post(
        "/groupes/nouveau/",
        {
            "name": "Club  Quokka   des juristes",
            "purpose": "Partager la veille juridique des produits.",
            "kind": "club-metier",
            "visibility": "membres",
        },
    )
    group = Group.objects.get(name="Club Quokka des juristes")
    assert response.status_code == 302 and response.url == group.get_absolute_url()
    assert group.is_coordinator(roles["membre"])
    assert not roles["membre"].has_perm("wagtailadmin.access_admin")


def test_group_form_speaks_french_on_bad_input(client, home, roles, make_group):
    make_group("public", name="Club Quokka")
    client.force_login(roles["membre"])
    response = client.post(
        "/groupes/nouveau/", {"name": "club quokka", "purpose": "court", "visibility": "public"}
    )
    html = response.content.decode()
    assert response.status_code == 400
    assert "Un groupe porte déjà ce nom" in html
    assert "au moins vingt caractères" in html
    assert Group.objects.count() == 1


def test_anonymous_visitor_cannot_create_a_group(client, home):
    response = client.post("/groupes/nouveau/", {"name": "Groupe pirate"})
    assert response.status_code == 302 and "/compte/connexion/" in response.url
    assert not Group.objects.exists()


def test_request_then_accept_by_the_coordinator(client, home, roles, make_group):
    group = make_group("prive", listed=True)
    client.force_login(roles["membre"])
    assert client.post(f"/groupes/{group.slug}/demander/").status_code == 302
    request = Membership.objects.get(group=group, user=roles["membre"])
    assert request.status == Membership.Status.REQUESTED
    assert [message.to for message in mail.outbox] == [[roles["coordination"].email]]
    assert client.get(group.get_absolute_url()).status_code == 200  # the door, not the content
    assert 'id="membres"' not in client.get(group.get_absolute_url()).content.decode()

    client.force_login(roles["coordination"])
    manage = client.get(f"/groupes/{group.slug}/gestion/")
    assert "camille.membre" in manage.content.decode()
    client.post(action_url(group, request, "accepter"))
    request.refresh_from_db()
    assert request.status == Membership.Status.ACTIVE
    assert mail.outbox[-1].to == [roles["membre"].email]
    client.force_login(roles["membre"])
    assert 'id="membres"' in client.get(group.get_absolute_url()).content.decode()


def test_a_private_group_cannot_be_joined_without_asking(client, home, roles, make_group):
    group = make_group("prive", listed=True)
    client.force_login(roles["membre"])
    client.post(f"/groupes/{group.slug}/rejoindre/")
    assert not group.memberships.filter(user=roles["membre"]).exists()


def test_join_and_leave_a_public_group(client, home, roles, make_group):
    group = make_group("public")
    client.force_login(roles["membre"])
    client.post(f"/groupes/{group.slug}/rejoindre/")
    assert group.is_active_member(roles["membre"])
    client.post(f"/groupes/{group.slug}/quitter/")
    assert not group.memberships.filter(user=roles["membre"]).exists()


def test_coordinator_removes_a_member_and_names_a_co_coordinator(client, home, roles, make_group):
    group = make_group("membres")
    other = join(group, make_user("eli.autre"))
    member = group.memberships.get(user=roles["membre_du_groupe"])
    client.force_login(roles["coordination"])
    client.post(action_url(group, member, "coordination"))
    assert group.is_coordinator(roles["membre_du_groupe"])
    client.post(action_url(group, other, "retirer"))
    assert not group.memberships.filter(pk=other.pk).exists()


def test_the_last_coordinator_cannot_leave_before_naming_another(client, home, roles, make_group):
    group = make_group("public")
    client.force_login(roles["coordination"])
    response = client.post(f"/groupes/{group.slug}/quitter/", follow=True)
    assert escape(LAST_COORDINATOR) in response.content.decode()
    assert group.is_coordinator(roles["coordination"])
    own = group.memberships.get(user=roles["coordination"])
    client.post(action_url(group, own, "membre"))  # stepping down is refused too
    assert group.is_coordinator(roles["coordination"])

    client.post(action_url(group, group.memberships.get(user=roles["membre_du_groupe"]), "coordination"))
    client.post(f"/groupes/{group.slug}/quitter/")
    assert not group.memberships.filter(user=roles["coordination"]).exists()
    assert group.is_coordinator(roles["membre_du_groupe"])


@pytest.mark.parametrize("path", ["gestion/", "modifier/"])
def test_plain_members_cannot_manage(client, home, roles, make_group, path):
    group = make_group("public")
    client.force_login(roles["membre_du_groupe"])
    assert client.get(f"/groupes/{group.slug}/{path}").status_code == 403
    member = group.memberships.get(user=roles["membre_du_groupe"])
    coordinator = group.memberships.get(user=roles["coordination"])
    assert client.post(action_url(group, coordinator, "retirer")).status_code == 403
    assert client.post(action_url(group, member, "coordination")).status_code == 403
    assert group.is_coordinator(roles["coordination"]) and not group.is_coordinator(roles["membre_du_groupe"])
    private = make_group("prive")
    client.force_login(roles["membre"])
    assert client.get(f"/groupes/{private.slug}/{path}").status_code == 404


def test_a_forged_membership_of_another_group_is_refused(client, home, roles, make_group):
    mine = make_group("public")
    theirs = GroupFactory()
    victim = coordinate(theirs, make_user("victime"))
    client.force_login(roles["coordination"])
    assert client.post(action_url(mine, victim, "retirer")).status_code == 404
    assert client.post(action_url(mine, victim, "coordination")).status_code == 404
    assert Membership.objects.filter(pk=victim.pk).exists()


def test_a_site_moderator_manages_any_group(client, home, roles, make_group):
    group = make_group("prive")
    client.force_login(roles["moderation"])
    response = client.post(
        f"/groupes/{group.slug}/modifier/",
        {
            "name": "Nouveau nom du groupe",
            "purpose": "Une raison d'être assez longue.",
            "kind": "projet-transverse",
            "visibility": "prive",
        },
    )
    assert response.status_code == 302
    group.refresh_from_db()
    assert group.name == "Nouveau nom du groupe"
