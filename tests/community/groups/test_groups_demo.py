"""Demo groups: every type and visibility, coordinators and members, idempotent, and shown right."""

import pytest

from community.groups import demo
from community.groups.models import Group, GroupKind, GroupVisibility, Invitation, Membership, SharedResource

pytestmark = pytest.mark.django_db


def test_demo_groups_cover_every_type_and_visibility_and_load_once(client, demo_site):
    groups = Group.objects.filter(slug__in=[row[0] for row in demo.DEMO_GROUPS])
    assert set(groups.values_list("kind", flat=True)) == set(GroupKind.values)
    assert set(groups.values_list("visibility", flat=True)) == set(GroupVisibility.values)
    for group in groups:
        assert group.memberships.filter(role=Membership.Role.COORDINATOR, status="actif").exists()
    counts = (Group.objects.count(), Membership.objects.count(), Invitation.objects.count())
    demo.load(demo_site.root_page, lambda message: None)
    assert (Group.objects.count(), Membership.objects.count(), Invitation.objects.count()) == counts
    assert SharedResource.objects.filter(pinned=True).exists()

    html = client.get("/groupes/").content.decode()
    assert "Communauté produit" in html
    assert "Club des développeurs" not in html  # members only
    assert "Cercle des référentes" not in html  # private
    assert client.get("/groupes/referentes-accessibilite/").status_code == 404
    assert client.get("/groupes/communaute-produit/").status_code == 200
