"""Members in the Wagtail admin: scoped per coach, search, filters, CSV export, imported fields."""

import datetime

from django.urls import reverse

from wagtail.test.utils.form_data import inline_formset, nested_form_data

import pytest

from community.members.models import Member, Mission
from core.taxonomy.models import Role
from tests.community.members.factories import make_coach, make_fiche, make_user
from tests.community.startups.factories import incubator, startup

pytestmark = pytest.mark.django_db

INDEX = "members_admin:index"


@pytest.fixture
def network(home):
    """Two incubators, a startup each, a current member and an alumna in the first, one in the second."""
    dinum, other = (
        incubator(home, "dinum", "Incubateur de la DINUM"),
        incubator(home, "autre", "Autre incubateur"),
    )
    cantine, ailleurs = (
        startup(home, "Cantine locale", incubator=dinum),
        startup(home, "Ailleurs", incubator=other),
    )
    designer = Role.objects.get_or_create(slug="designer", defaults={"name": "Designer"})[0]
    current = make_fiche(
        "alice.martin", "Alice Martin", missions=[(cantine, datetime.date(2023, 1, 1), None)]
    )
    current.roles.add(designer)
    current.save()
    alumna = make_fiche(
        "berthe.morel",
        "Berthe Morel",
        missions=[(cantine, datetime.date(2019, 1, 1), datetime.date(2020, 1, 1))],
    )
    outsider = make_fiche(
        "chloe.petit", "Chloé Petit", missions=[(ailleurs, datetime.date(2023, 1, 1), None)]
    )
    signed_up = make_user("denis", first_name="Denis", last_name="Roy").member
    Mission.objects.create(member=signed_up, startup=cantine, start=datetime.date(2024, 1, 1))
    return {
        "current": current,
        "alumna": alumna,
        "outsider": outsider,
        "signed_up": signed_up,
        "cantine": cantine,
        "dinum": dinum,
        "designer": designer,
        "coach": make_coach("lea", [dinum]),
        "admin": make_user("administratrice", ["Administrateurs"]),
    }


def listing(client, user, **params):
    client.force_login(user)
    response = client.get(reverse(INDEX), params)
    assert response.status_code == 200
    return response.content.decode()


def test_a_coach_lists_the_members_of_their_incubator_only(client, network):
    page = listing(client, network["coach"])
    assert "Alice Martin" in page and "Berthe Morel" in page and "Denis Roy" in page
    assert "Chloé Petit" not in page
    assert "Chloé Petit" in listing(client, network["admin"])


@pytest.mark.parametrize(
    "params, shown, hidden",
    [
        ({"incubateur": "dinum"}, ["Alice Martin", "Berthe Morel"], ["Chloé Petit"]),
        ({"ancien": "true"}, ["Berthe Morel"], ["Alice Martin", "Chloé Petit"]),
        ({"ancien": "false"}, ["Alice Martin", "Chloé Petit"], ["Berthe Morel"]),
        ({"relie": "true"}, ["Denis Roy"], ["Alice Martin"]),
        ({"relie": "false"}, ["Alice Martin"], ["Denis Roy"]),
        ({"q": "morel"}, ["Berthe Morel"], ["Alice Martin"]),
    ],
)
def test_filters_and_search(client, network, params, shown, hidden):
    params = {key: network["dinum"].pk if key == "incubateur" else value for key, value in params.items()}
    page = listing(client, network["admin"], **params)
    for name in shown:
        assert name in page
    for name in hidden:
        assert name not in page


def test_role_and_startup_filters(client, network):
    by_role = listing(client, network["admin"], role=network["designer"].pk)
    assert "Alice Martin" in by_role and "Berthe Morel" not in by_role
    by_startup = listing(client, network["admin"], startup=network["cantine"].pk)
    assert "Berthe Morel" in by_startup and "Chloé Petit" not in by_startup


def test_csv_export_has_the_scoped_members_and_no_email(client, network):
    client.force_login(network["coach"])
    response = client.get(reverse(INDEX), {"export": "csv"})
    assert response.status_code == 200
    content = b"".join(response.streaming_content).decode("utf-8-sig")
    assert "Compte relié" in content and "Ancien" in content
    assert "Alice Martin" in content and "Chloé Petit" not in content
    assert "@" not in content


def edit_data(member, **overrides):
    return nested_form_data(
        {
            "full_name": member.full_name,
            "slug": member.slug,
            "competences": "[]",
            "bio": member.bio,
            "job_title": member.job_title,
            "domaine": "",
            "link": "",
            "github": "",
            "member_type": "",
            "missions": inline_formset([]),
            **overrides,
        }
    )


def test_a_coach_edits_a_member_of_their_incubator(client, network):
    member = network["signed_up"]
    client.force_login(network["coach"])
    response = client.post(reverse("members_admin:edit", args=[member.pk]), edit_data(member, bio="Corrigée"))
    assert response.status_code == 302
    member.refresh_from_db()
    assert member.bio == "Corrigée"


def test_a_coach_cannot_edit_a_member_of_another_incubator(client, network):
    outsider = network["outsider"]
    client.force_login(network["coach"])
    assert client.get(reverse("members_admin:edit", args=[outsider.pk])).status_code == 404
    response = client.post(
        reverse("members_admin:edit", args=[outsider.pk]), edit_data(outsider, bio="Piratée")
    )
    assert response.status_code == 404
    outsider.refresh_from_db()
    assert outsider.bio == "Présentation de la fiche."


def test_a_coach_cannot_give_themselves_incubators_nor_accounts(client, network):
    coach_profile = network["coach"].member
    Mission.objects.create(member=coach_profile, startup=network["cantine"], start=datetime.date(2024, 1, 1))
    client.force_login(network["coach"])
    client.post(
        reverse("members_admin:edit", args=[coach_profile.pk]),
        edit_data(coach_profile, coached_incubators=[network["dinum"].pk, 999], user=network["admin"].pk),
    )
    coach_profile.refresh_from_db()
    assert coach_profile.user == network["coach"]
    assert list(coach_profile.coached_incubators.values_list("slug", flat=True)) == ["dinum"]


def test_imported_fields_stay_the_fiche_s_in_the_admin(client, network):
    member = network["current"]
    client.force_login(network["admin"])
    page = client.get(reverse("members_admin:edit", args=[member.pk])).content.decode()
    assert "content/_authors/alice.martin.md" in page
    client.post(
        reverse("members_admin:edit", args=[member.pk]),
        edit_data(member, full_name="Autre nom", bio="Réécrite", mentoring="on"),
    )
    member.refresh_from_db()
    assert (member.full_name, member.bio, member.mentoring) == (
        "Alice Martin",
        "Présentation de la fiche.",
        True,
    )


@pytest.mark.parametrize("group", ["Modérateurs", None])
def test_moderators_and_members_have_no_member_admin(client, network, group):
    user = make_user("quelquun", [group] if group else [])
    client.force_login(user)
    assert client.get(reverse(INDEX)).status_code in (302, 403)
    response = client.post(
        reverse("members_admin:edit", args=[network["current"].pk]), edit_data(network["current"], bio="x")
    )
    assert response.status_code in (302, 403)
    assert Member.objects.get(pk=network["current"].pk).bio == "Présentation de la fiche."
