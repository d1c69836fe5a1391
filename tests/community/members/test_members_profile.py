"""The member profile: public page without email for anonymous visitors, edited by its owner only."""

import pytest

from community.members.models import Member
from tests.community.members.factories import make_user
from tests.core.taxonomy.factories import RoleFactory

pytestmark = pytest.mark.django_db

PROFILE = "/compte/profil/"


def test_owner_edits_their_profile(client, home):
    designer = RoleFactory(slug="designer", name="Designer UX")
    user = make_user("camille", first_name="Camille", last_name="Durand")
    client.force_login(user)
    form = client.get(PROFILE)
    assert form.status_code == 200
    assert "Disponible pour du mentorat" in form.content.decode()
    response = client.post(
        PROFILE,
        {
            "full_name": "Camille Durand",
            "roles": [designer.pk],
            "competences": "Accessibilité, Recherche utilisateur, Accessibilité",
            "bio": "Designer dans une startup d'État.",
            "mentoring": "on",
        },
    )
    member = Member.objects.get(user=user)
    assert response.status_code == 302
    assert response.url == f"/membres/{member.slug}/"
    assert member.competences == ["Accessibilité", "Recherche utilisateur"]
    assert member.mentoring is True
    assert list(member.roles.values_list("slug", flat=True)) == ["designer"]


def test_forged_post_cannot_edit_another_members_profile(client, home):
    victim = make_user("victime")
    victim_member = Member.objects.get(user=victim)
    victim_member.full_name = "Nom d'origine"
    victim_member.save()
    attacker = make_user("pirate")
    client.force_login(attacker)
    client.post(
        PROFILE,
        {
            "id": victim_member.pk,
            "pk": victim_member.pk,
            "member": victim_member.pk,
            "slug": victim_member.slug,
            "user": victim.pk,
            "full_name": "Nom falsifié",
            "competences": "",
            "bio": "",
        },
    )
    victim_member.refresh_from_db()
    assert victim_member.full_name == "Nom d'origine"
    assert victim_member.user_id == victim.pk
    attacker_member = Member.objects.get(user=attacker)
    assert attacker_member.full_name == "Nom falsifié"  # only the requester's own profile changed
    assert attacker_member.slug != victim_member.slug


def test_anonymous_cannot_edit_any_profile(client, home):
    user = make_user("camille")
    response = client.post(PROFILE, {"full_name": "Anonyme", "competences": "", "bio": ""})
    assert response.status_code == 302
    assert response.url.startswith("/compte/connexion/")
    assert Member.objects.get(user=user).full_name != "Anonyme"


def test_errors_are_french_next_to_the_field_and_values_kept(client, home):
    user = make_user("camille")
    client.force_login(user)
    too_many = ", ".join(f"compétence {n}" for n in range(20))
    response = client.post(PROFILE, {"full_name": "", "competences": too_many, "bio": "Ma présentation."})
    html = response.content.decode()
    assert response.status_code == 200
    assert 'id="id_full_name-erreur"' in html
    assert "15 compétences au plus" in html
    assert "Ma présentation." in html
    assert "compétence 19" in html


def test_profile_page_hides_email_from_anonymous_visitors(client, home):
    user = make_user("camille", first_name="Camille", last_name="Durand")
    member = Member.objects.get(user=user)
    member.bio = "<script>alert(1)</script>"
    member.save()
    html = client.get(f"/membres/{member.slug}/").content.decode()
    assert "Camille Durand" in html
    assert user.email not in html
    assert "@" not in html.split('id="contenu"')[1].split("</main>")[0]
    assert "<script>alert(1)</script>" not in html  # escaped
    client.force_login(make_user("collegue"))
    assert user.email in client.get(f"/membres/{member.slug}/").content.decode()


def test_unknown_member_is_a_404(client, home):
    assert client.get("/membres/personne/").status_code == 404
