"""Never two profiles for one person: an administrator merges them, and the merge is recorded."""

import datetime
import html

from django.urls import reverse

import pytest

from community.members.models import ClaimRequest, Member, MemberMerge, Mission, User
from resources.library.models import ResourcePage
from tests.community.members.factories import MemberFactory, make_coach, make_fiche, make_user
from tests.community.startups.factories import incubator, startup
from tests.resources.library.factories import ResourceIndexPageFactory, ResourcePageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def twins(home):
    """One person twice: an imported fiche, and the profile made when they signed up."""
    dinum = incubator(home, "dinum", "Incubateur de la DINUM")
    cantine = startup(home, "Cantine locale", incubator=dinum)
    fiche = make_fiche(
        "camille.durand", "Camille Durand", missions=[(cantine, datetime.date(2022, 1, 1), None)]
    )
    person = make_user("camille", email="c.durand@numerique.gouv.fr", first_name="Camille", last_name="D.")
    duplicate = person.member
    duplicate.mentoring = True
    duplicate.job_title = "Designer"
    duplicate.save()
    Mission.objects.create(member=duplicate, startup=cantine, start=datetime.date(2024, 1, 1), sort_order=0)
    resource = ResourcePageFactory(parent=ResourceIndexPageFactory(parent=home), contributor=duplicate)
    return {
        "fiche": fiche,
        "duplicate": duplicate,
        "person": person,
        "resource": resource,
        "coach": make_coach("lea", [dinum]),
        "admin": make_user("administratrice", ["Administrateurs"]),
    }


def merge(client, user, kept, absorbed_slug):
    client.force_login(user)
    return client.post(reverse("members_admin:merge", args=[kept.pk]), {"absorbed": absorbed_slug})


def test_an_administrator_merges_the_duplicate_into_the_fiche(client, twins):
    fiche, duplicate = twins["fiche"], twins["duplicate"]
    ClaimRequest.objects.create(user=make_user("autre"), member=duplicate)
    response = merge(client, twins["admin"], fiche, duplicate.slug)
    assert response.status_code == 302
    assert not Member.objects.filter(pk=duplicate.pk).exists()
    fiche.refresh_from_db()
    assert fiche.user == twins["person"]
    assert fiche.mentoring and fiche.job_title == "Designer"  # empty fields filled, none overwritten
    assert fiche.full_name == "Camille Durand"
    assert sorted(fiche.missions.values_list("start", flat=True)) == [
        datetime.date(2022, 1, 1),
        datetime.date(2024, 1, 1),
    ]
    assert ResourcePage.objects.get(pk=twins["resource"].pk).contributor_id == fiche.pk
    assert ClaimRequest.objects.get().member == fiche
    record = MemberMerge.objects.get()
    assert (record.kept, record.kept_slug, record.absorbed_slug, record.absorbed_name) == (
        fiche,
        "camille.durand",
        duplicate.slug,
        duplicate.full_name,
    )
    assert (record.merged_by, record.reason, record.missions_moved) == (twins["admin"], MemberMerge.MANUAL, 1)
    assert record.details["liens_deplaces"] == {"library.ResourcePage": 1}
    history = client.get(reverse("merges_admin:index")).content.decode()
    assert duplicate.slug in history


def test_a_merge_that_would_lose_an_account_is_refused_with_a_reason(client, twins):
    other = make_user("camille2").member
    response = merge(client, twins["admin"], other, twins["duplicate"].slug)
    assert response.status_code == 200
    assert "Les deux profils ont chacun un compte" in html.unescape(response.content.decode())
    assert Member.objects.filter(pk=twins["duplicate"].pk).exists()
    assert not MemberMerge.objects.exists()


@pytest.mark.parametrize(
    "absorbed, message",
    [("inconnu.x", "Aucun membre n'a l'identifiant « inconnu.x »."), ("camille.durand", "pas celui-ci")],
)
def test_a_wrong_identifier_is_explained(client, twins, absorbed, message):
    before = Member.objects.count()
    response = merge(client, twins["admin"], twins["fiche"], absorbed)
    assert message in html.unescape(response.content.decode())
    assert Member.objects.count() == before


def test_a_coach_cannot_merge(client, twins):
    response = merge(client, twins["coach"], twins["fiche"], twins["duplicate"].slug)
    assert response.status_code in (302, 403)
    assert Member.objects.filter(pk=twins["duplicate"].pk).exists()
    client.force_login(twins["coach"])
    assert (
        "Fusionner un doublon"
        not in client.get(reverse("members_admin:edit", args=[twins["fiche"].pk])).content.decode()
    )
    assert client.get(reverse("merges_admin:index")).status_code in (302, 403)


def test_the_edit_page_offers_the_merge_to_administrators(client, twins):
    client.force_login(twins["admin"])
    page = client.get(reverse("members_admin:edit", args=[twins["fiche"].pk])).content.decode()
    assert reverse("members_admin:merge", args=[twins["fiche"].pk]) in page


def test_two_fiches_without_account_merge_their_roles(client, twins):
    a = MemberFactory(slug="jean.dupont", full_name="Jean Dupont", source="authors/jean.dupont.md")
    b = MemberFactory(slug="jean.dupont2", full_name="Jean Dupont", bio="Bio")
    merge(client, twins["admin"], a, b.slug)
    a.refresh_from_db()
    assert a.bio == "Bio" and a.user is None
    assert not Member.objects.filter(slug="jean.dupont2").exists()


def test_claims_and_the_merge_history_are_never_typed_in_by_hand(client, twins):
    record = (
        merge(client, twins["admin"], twins["fiche"], twins["duplicate"].slug) and MemberMerge.objects.get()
    )
    superuser = User.objects.create_superuser("racine", "racine@beta.gouv.fr", "mot-de-passe-racine")
    client.force_login(superuser)
    # Wagtail answers a refusal in its admin with a redirect to the dashboard.
    assert client.post(reverse("claims_admin:add"), {}).status_code in (302, 403)
    assert client.post(reverse("merges_admin:add"), {}).status_code in (302, 403)
    assert client.post(reverse("merges_admin:edit", args=[record.pk]), {}).status_code in (302, 403)
    assert (ClaimRequest.objects.count(), MemberMerge.objects.count()) == (0, 1)
    record.refresh_from_db()
    assert record.absorbed_slug == twins["duplicate"].slug
    assert client.get(reverse("merges_admin:edit", args=[record.pk])).status_code == 200
    assert reverse("claims_admin:add") not in client.get(reverse("claims_admin:index")).content.decode()
