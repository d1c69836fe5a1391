"""Demo members: invented people with profiles, no usable password, idempotent."""

import pytest

from community.members import demo as demo_members
from community.members.models import Member, Mission, User

pytestmark = pytest.mark.django_db


def test_demo_members_are_idempotent_and_cannot_log_in(demo_site):
    members = list(demo_members.load(demo_site.root_page, lambda message: None))
    assert len(members) == len(demo_members.DEMO_MEMBERS)
    counts = (User.objects.count(), Member.objects.count())
    demo_members.load(demo_site.root_page, lambda message: None)
    assert (User.objects.count(), Member.objects.count()) == counts
    for member in members:
        assert not member.user.has_usable_password()
        assert member.user.groups.filter(name="Membres").exists()
        assert member.bio and member.competences and member.roles.exists()
    lea = Member.objects.get(slug="lea-fontaine")
    assert lea.user.groups.filter(name="Coachs").exists()
    assert lea.mentoring


def test_the_demo_coach_coaches_the_demo_incubator_and_has_a_mission_to_validate(demo_site):
    lea = Member.objects.get(slug="lea-fontaine")
    assert list(lea.coached_incubators.values_list("slug", flat=True)) == ["fabrique-des-territoires"]
    assert Mission.objects.get(member__slug="sophie-marechal").validation == Mission.PENDING
    assert Mission.objects.get(member__slug="thomas-nguyen").validation == Mission.VALIDATED
