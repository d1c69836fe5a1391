"""The README's permission matrix, cell by cell, through the HTTP client and the admin.

Roles: anonymous, member (Membres), moderator (Modérateurs), coach (Coachs), administrator
(Administrateurs). Every verified account is also a member.
"""

import datetime

from django.urls import reverse

from wagtail.test.utils.form_data import inline_formset, nested_form_data

import pytest

from community.members.models import ClaimRequest, Member, Mission
from tests.admin_helpers import edit_data, edit_url, submit_for_review, workflow_action
from tests.community.members.factories import MemberFactory, make_user
from tests.community.startups.factories import incubator, startup
from tests.home.factories import make_guide, make_resource

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "member", "moderator", "coach", "admin"]


def login(client, people, role):
    if role != "anonymous":
        client.force_login(people[role])


def refused(response):
    return response.status_code in (302, 403, 404)


# --- view a draft ------------------------------------------------------------------------------

GUIDE_DRAFT = {"anonymous": False, "member": False, "moderator": False, "coach": True, "admin": True}
RESOURCE_DRAFT = {"anonymous": False, "member": False, "moderator": True, "coach": False, "admin": True}


@pytest.mark.parametrize("role", ROLES)
def test_view_a_draft_guide(client, sections, people, role):
    draft = make_guide(sections, title="Brouillon de guide", live=False)
    login(client, people, role)
    assert client.get(draft.url or f"/guides/{draft.slug}/").status_code == 404  # never public
    response = client.get(reverse("wagtailadmin_pages:view_draft", args=[draft.pk]))
    if GUIDE_DRAFT[role]:
        assert response.status_code == 200
        assert "Brouillon de guide" in response.content.decode()
    else:
        assert refused(response)


@pytest.mark.parametrize("role", ROLES)
def test_view_a_draft_resource(client, sections, people, role):
    draft = make_resource(sections, title="Brouillon de ressource", live=False)
    login(client, people, role)
    response = client.get(reverse("wagtailadmin_pages:view_draft", args=[draft.pk]))
    if RESOURCE_DRAFT[role]:
        assert response.status_code == 200
    else:
        assert refused(response)


# --- edit and publish a guide ------------------------------------------------------------------

EDIT_GUIDE = {"anonymous": False, "member": False, "moderator": False, "coach": True, "admin": True}
PUBLISH_GUIDE = EDIT_GUIDE


@pytest.mark.parametrize("role", ROLES)
def test_edit_a_guide(client, sections, people, role):
    guide = make_guide(sections, title="Titre d'origine")
    login(client, people, role)
    client.post(edit_url(guide), edit_data(guide, title="Titre modifié"))
    guide.refresh_from_db()
    latest = guide.get_latest_revision().content["title"]
    assert (latest == "Titre modifié") is EDIT_GUIDE[role]


@pytest.mark.parametrize("role", ROLES)
def test_publish_a_guide(client, sections, people, role):
    guide = make_guide(sections, title="À publier", live=False)
    login(client, people, role)
    client.post(edit_url(guide), {**edit_data(guide), "action-publish": "1"})
    guide.refresh_from_db()
    assert guide.live is PUBLISH_GUIDE[role]


@pytest.mark.parametrize("role", ["member", "moderator", "coach", "admin"])
def test_approve_a_guide_submitted_to_coach_review(client, sections, people, role):
    guide = make_guide(sections, title="Soumis", live=False)
    client.force_login(people["admin"])
    submit_for_review(client, guide)
    client.force_login(people[role])
    workflow_action(client, guide, "approve")
    guide.refresh_from_db()
    assert guide.live is (role in ("coach", "admin"))


# --- moderate and submit a contribution --------------------------------------------------------

MODERATE = {"member": False, "moderator": True, "coach": False, "admin": True}


@pytest.mark.parametrize("role", list(MODERATE))
def test_moderate_a_contribution(client, sections, people, role):
    resource = make_resource(sections, title="Contribution", live=False)
    client.force_login(people["admin"])
    submit_for_review(client, resource)
    client.force_login(people[role])
    workflow_action(client, resource, "approve")
    resource.refresh_from_db()
    assert resource.live is MODERATE[role]


@pytest.mark.parametrize("role", ["moderator", "admin"])
def test_reviewers_can_publish_a_contribution_in_review_directly(client, sections, people, role):
    resource = make_resource(sections, title="Contribution", live=False)
    client.force_login(people["admin"])
    submit_for_review(client, resource)
    client.force_login(people[role])
    client.post(edit_url(resource), {**edit_data(resource), "action-publish": "1"})
    resource.refresh_from_db()
    assert resource.live


@pytest.mark.parametrize("role", ROLES)
def test_submit_a_contribution_permission(people, role):
    # The /contribuer/ form (next branch) checks this permission; every verified account has it.
    from django.contrib.auth.models import AnonymousUser

    user = AnonymousUser() if role == "anonymous" else people[role]
    assert user.has_perm("members.contribute") is (role != "anonymous")


# --- member directory and feedback -------------------------------------------------------------

DIRECTORY = {"anonymous": False, "member": True, "moderator": True, "coach": True, "admin": True}
FEEDBACK = {"anonymous": False, "member": False, "moderator": True, "coach": True, "admin": True}


@pytest.mark.parametrize("role", ROLES)
def test_see_the_member_directory(client, home, people, role):
    login(client, people, role)
    response = client.get("/membres/")
    if DIRECTORY[role]:
        assert response.status_code == 200
        assert "Annuaire des membres" in response.content.decode()
    else:
        assert response.status_code == 302
        assert response.url.startswith("/compte/connexion/")


@pytest.mark.parametrize("role", ROLES)
def test_see_feedback(client, home, people, role):
    login(client, people, role)
    response = client.get("/admin/avis/")
    if FEEDBACK[role]:
        assert response.status_code == 200
        assert "Avis des lecteurs" in response.content.decode()
    else:
        assert refused(response)
        assert "Satisfaction globale" not in response.content.decode()


def test_moderators_lose_site_wide_page_rights_once_sections_exist(sections):
    from wagtail.models import GroupPagePermission, Page

    root = Page.get_first_root_node()
    assert not GroupPagePermission.objects.filter(group__name="Modérateurs", page=root).exists()
    assert not GroupPagePermission.objects.filter(group__name="Coachs", page=root).exists()
    assert GroupPagePermission.objects.filter(group__name="Administrateurs", page=root).exists()


# --- members in the admin (community/members/viewsets.py) ----------------------------------------

EDIT_MEMBER = {"anonymous": False, "member": False, "moderator": False, "coach": True, "admin": True}
DECIDE_CLAIM = EDIT_MEMBER
MERGE_MEMBERS = {"anonymous": False, "member": False, "moderator": False, "coach": False, "admin": True}


@pytest.fixture
def incubator_member(home, people):
    """A member with a mission in the coach's incubator; coach2 answers for another incubator."""
    dinum, other = incubator(home, "dinum"), incubator(home, "autre")
    member = MemberFactory(full_name="Alice Martin", slug="alice-martin", bio="Avant")
    Mission.objects.create(
        member=member, startup=startup(home, "Cantine", incubator=dinum), start=datetime.date(2024, 1, 1)
    )
    for role, place in (("coach", dinum), ("coach2", other)):
        people[role].member.coached_incubators.add(place)
        people[role].member.save()
    return member


def member_edit_data(member, **overrides):
    fields = {"full_name": member.full_name, "slug": member.slug, "competences": "[]", "bio": member.bio}
    return nested_form_data({**fields, "missions": inline_formset([]), **overrides})


@pytest.mark.parametrize("role", [*ROLES, "coach2"])
def test_edit_a_member_in_the_admin(client, people, incubator_member, role):
    login(client, people, role)
    client.post(
        reverse("members_admin:edit", args=[incubator_member.pk]),
        member_edit_data(incubator_member, bio="Après"),
    )
    incubator_member.refresh_from_db()
    assert (incubator_member.bio == "Après") is EDIT_MEMBER.get(role, False)


@pytest.mark.parametrize("role", [*ROLES, "coach2"])
def test_decide_a_fiche_claim(client, people, incubator_member, role):
    incubator_member.source = "authors/alice-martin.md"
    incubator_member.save()
    claim = ClaimRequest.objects.create(user=make_user("alice", member=False), member=incubator_member)
    login(client, people, role)
    client.post(reverse("claims_admin:edit", args=[claim.pk]), {"decision": "accepter"})
    claim.refresh_from_db()
    assert (claim.status == ClaimRequest.APPROVED) is DECIDE_CLAIM.get(role, False)


@pytest.mark.parametrize("role", ROLES)
def test_merge_two_members(client, people, incubator_member, role):

    duplicate = MemberFactory(full_name="Alice Martin", slug="alice-martin-2")
    login(client, people, role)
    client.post(reverse("members_admin:merge", args=[incubator_member.pk]), {"absorbed": duplicate.slug})
    assert (not Member.objects.filter(pk=duplicate.pk).exists()) is MERGE_MEMBERS[role]
