"""Claim my fiche: a verified prenom.nom address links the fiche; otherwise « Êtes-vous … ? » and a coach."""

import datetime
import html
import re

from django.contrib.messages.storage.fallback import FallbackStorage
from django.contrib.sessions.backends.db import SessionStore
from django.core import mail
from django.test import override_settings
from django.urls import reverse

import pytest
from allauth.account.models import EmailAddress
from allauth.socialaccount.adapter import get_adapter
from allauth.socialaccount.models import SocialAccount, SocialLogin

from community.members.claims import link_verified_addresses
from community.members.models import ClaimRequest, Member, MemberMerge, User
from tests.community.members.factories import make_coach, make_fiche, make_user
from tests.community.startups.factories import incubator, startup

pytestmark = pytest.mark.django_db

SIGNUP = "/compte/inscription/"
PROFILE = "/compte/profil/"


def sign_up_and_confirm(client, email, first="Camille", last="Durand"):
    client.post(
        SIGNUP,
        {
            "first_name": first,
            "last_name": last,
            "email": email,
            "password1": "une-phrase-de-passe-solide",
            "password2": "une-phrase-de-passe-solide",
        },
    )
    link = re.search(r"http://testserver(/compte/courriel/confirmer/[^/\s]+/)", mail.outbox[-1].body).group(1)
    return client.post(link, follow=True)


def test_verified_fiche_address_links_the_fiche_and_makes_no_second_profile(client, home):
    fiche = make_fiche("camille.durand", "Camille Durand")
    response = sign_up_and_confirm(client, "camille.durand@beta.gouv.fr")
    user = User.objects.get(email="camille.durand@beta.gouv.fr")
    fiche.refresh_from_db()
    assert fiche.user == user
    assert Member.objects.filter(full_name="Camille Durand").count() == 1
    assert "relié à votre fiche beta.gouv.fr « Camille Durand »" in response.content.decode()
    assert user.groups.filter(name="Membres").exists()


def test_address_is_matched_without_case_and_on_every_configured_domain(client, home):
    fiche = make_fiche("ines.roux", "Inès Roux")
    with override_settings(
        FABRIQUE_MEMBER_EMAIL_DOMAINS=["beta.gouv.fr", "ext.beta.gouv.fr"],
        FABRIQUE_ALLOWED_EMAIL_DOMAINS=["gouv.fr"],
    ):
        sign_up_and_confirm(client, "Ines.Roux@ext.beta.gouv.fr", "Inès", "Roux")
    fiche.refresh_from_db()
    assert fiche.user is not None
    assert Member.objects.count() == 1


def test_an_address_of_another_domain_links_nothing(client, home):
    fiche = make_fiche("camille.durand", "Camille Durand")
    sign_up_and_confirm(client, "camille.durand@numerique.gouv.fr")
    fiche.refresh_from_db()
    assert fiche.user is None
    assert Member.objects.filter(user__email="camille.durand@numerique.gouv.fr").exists()


def test_a_fiche_already_held_is_not_taken_by_a_second_account(client, home):
    fiche = make_fiche("camille.durand", "Camille Durand")
    owner = make_user("proprietaire", member=False)
    fiche.user = owner
    fiche.save()
    # Another account whose verified address names the fiche (say, a re-created account).
    other = make_user("autre", email="autre@beta.gouv.fr")
    EmailAddress.objects.create(user=other, email="camille.durand@beta.gouv.fr", verified=True)
    assert link_verified_addresses(other) is None
    fiche.refresh_from_db()
    assert fiche.user == owner


def test_verifying_a_fiche_address_later_merges_the_own_profile_into_the_fiche(client, home):
    user = make_user("camille", email="camille@numerique.gouv.fr")
    own = user.member
    own.mentoring = True
    own.save()
    fiche = make_fiche("camille.durand", "Camille Durand")
    client.force_login(user)
    client.post("/compte/courriel/", {"action_add": "", "email": "camille.durand@beta.gouv.fr"})
    link = re.search(r"http://testserver(/compte/courriel/confirmer/[^/\s]+/)", mail.outbox[-1].body).group(1)
    client.post(link)
    assert not Member.objects.filter(pk=own.pk).exists()
    fiche.refresh_from_db()
    assert fiche.user == user and fiche.mentoring
    record = MemberMerge.objects.get()
    assert (record.kept, record.absorbed_slug, record.reason) == (fiche, own.slug, MemberMerge.AUTOMATIC)


# --- « Êtes-vous … ? » ---------------------------------------------------------------------------


@pytest.fixture
def ecosystem(home):
    """One incubator and its startup, a fiche with a mission there, its coach and a stranger coach."""
    dinum = incubator(home, "dinum", "Incubateur de la DINUM")
    other = incubator(home, "autre", "Autre incubateur")
    cantine = startup(home, "Cantine locale", incubator=dinum)
    fiche = make_fiche(
        "camille.durand", "Camille Durand", missions=[(cantine, datetime.date(2022, 1, 1), None)]
    )
    return {
        "fiche": fiche,
        "startup": cantine,
        "coach": make_coach("lea", [dinum]),
        "stranger": make_coach("paul", [other]),
        "person": make_user("camille", email="c.durand@numerique.gouv.fr"),
    }


def test_search_by_name_offers_unclaimed_fiches_only(client, ecosystem):
    held = make_fiche("camille.durandal", "Camille Durandal")
    held.user = make_user("durandal", member=False)
    held.save()
    client.force_login(ecosystem["person"])
    page = client.get(PROFILE, {"fiche": "durand camille"}).content.decode()
    assert "Êtes-vous Camille Durand ?" in page
    assert "Camille Durandal" not in page
    assert "Aucune fiche libre" in client.get(PROFILE, {"fiche": "inconnu"}).content.decode()


def claim(client, ecosystem, message="J'étais sur Cantine locale en 2022."):
    client.force_login(ecosystem["person"])
    return client.post(
        reverse("claim_fiche"), {"fiche": ecosystem["fiche"].pk, "message": message}, follow=True
    )


def test_claim_creates_a_pending_request_once(client, ecosystem):
    response = claim(client, ecosystem)
    assert "Votre demande est enregistrée" in html.unescape(response.content.decode())
    request = ClaimRequest.objects.get()
    assert (request.user, request.member, request.status) == (
        ecosystem["person"],
        ecosystem["fiche"],
        ClaimRequest.PENDING,
    )
    again = claim(client, ecosystem)
    assert "Vous avez déjà demandé cette fiche" in html.unescape(again.content.decode())
    assert ClaimRequest.objects.count() == 1
    ecosystem["fiche"].refresh_from_db()
    assert ecosystem["fiche"].user is None  # nothing linked before a coach decides


def test_claim_of_a_held_or_unknown_fiche_is_refused(client, ecosystem):
    client.force_login(ecosystem["person"])
    response = client.post(reverse("claim_fiche"), {"fiche": 999999}, follow=True)
    assert "Cette fiche n'existe pas ou est déjà reliée à un compte." in html.unescape(
        response.content.decode()
    )
    assert not ClaimRequest.objects.exists()


def decide(client, user, request, decision):
    client.force_login(user)
    return client.post(reverse("claims_admin:edit", args=[request.pk]), {"decision": decision})


def test_the_incubator_coach_approves_and_the_person_is_emailed(client, ecosystem):
    claim(client, ecosystem)
    request = ClaimRequest.objects.get()
    own_profile = ecosystem["person"].member
    client.force_login(ecosystem["coach"])
    listing = client.get(reverse("claims_admin:index")).content.decode()
    assert "Camille Durand" in listing
    mail.outbox.clear()
    # A request's after-commit work (the email) runs when it ends (tests/conftest.py).
    response = decide(client, ecosystem["coach"], request, "accepter")
    assert response.status_code == 302
    request.refresh_from_db()
    assert request.status == ClaimRequest.APPROVED and request.decided_by == ecosystem["coach"]
    ecosystem["fiche"].refresh_from_db()
    assert ecosystem["fiche"].user == ecosystem["person"]
    assert not Member.objects.filter(pk=own_profile.pk).exists()  # one person, one profile
    assert MemberMerge.objects.filter(kept=ecosystem["fiche"], absorbed_slug=own_profile.slug).exists()
    assert [message.to for message in mail.outbox] == [["c.durand@numerique.gouv.fr"]]
    assert "acceptée" in mail.outbox[0].body


def test_a_refusal_links_nothing_and_is_emailed(client, ecosystem):
    claim(client, ecosystem)
    request = ClaimRequest.objects.get()
    mail.outbox.clear()
    decide(client, ecosystem["coach"], request, "refuser")
    request.refresh_from_db()
    ecosystem["fiche"].refresh_from_db()
    assert request.status == ClaimRequest.REFUSED
    assert ecosystem["fiche"].user is None
    assert "n'a pas été acceptée" in mail.outbox[0].subject


@pytest.mark.parametrize("who", ["stranger", "person"])
def test_only_the_fiche_incubator_coach_or_an_administrator_decides(client, ecosystem, who):
    claim(client, ecosystem)
    request = ClaimRequest.objects.get()
    client.force_login(ecosystem["stranger"])
    assert "Camille Durand" not in client.get(reverse("claims_admin:index")).content.decode()
    response = decide(client, ecosystem[who], request, "accepter")
    assert response.status_code in (302, 403, 404)
    request.refresh_from_db()
    assert request.status == ClaimRequest.PENDING
    assert not mail.outbox or "acceptée" not in mail.outbox[-1].body


def test_an_administrator_decides_any_claim(client, ecosystem):
    claim(client, ecosystem)
    admin = make_user("administratrice", ["Administrateurs"])
    decide(client, admin, ClaimRequest.objects.get(), "accepter")
    assert ClaimRequest.objects.get().status == ClaimRequest.APPROVED


# --- Imported fields stay the fiche's ------------------------------------------------------------


def test_imported_fields_are_shown_with_their_source_not_editable(client, ecosystem):
    fiche = ecosystem["fiche"]
    Member.objects.filter(user=ecosystem["person"]).delete()
    fiche.user = ecosystem["person"]
    fiche.save()
    client.force_login(ecosystem["person"])
    page = client.get(PROFILE).content.decode()
    assert "https://github.com/betagouv/beta.gouv.fr/blob/master/content/_authors/camille.durand.md" in page
    client.post(PROFILE, {"full_name": "Autre nom", "bio": "Réécrite", "competences": "", "mentoring": "on"})
    fiche.refresh_from_db()
    assert (fiche.full_name, fiche.bio, fiche.mentoring) == (
        "Camille Durand",
        "Présentation de la fiche.",
        True,
    )
    with override_settings(FABRIQUE_MEMBER_SITE_OWNS_FICHES=True):
        client.post(PROFILE, {"full_name": "Camille D.", "bio": "Réécrite", "competences": ""})
    fiche.refresh_from_db()
    assert (fiche.full_name, fiche.bio) == ("Camille D.", "Réécrite")


def test_the_email_of_a_member_never_appears_to_anonymous_visitors(client, ecosystem):
    fiche = ecosystem["fiche"]
    fiche.user = make_user("camille2", member=False, email="camille.durand@beta.gouv.fr")
    fiche.save()
    page = client.get(reverse("member_detail", args=[fiche.slug])).content.decode()
    assert "Camille Durand" in page
    assert "@beta.gouv.fr" not in page
    assert "@beta.gouv.fr" not in client.get(ecosystem["startup"].url).content.decode()


# --- State SSO (ProConnect): the provider's verified address links the fiche too --------------


def social_signup(rf, email, verified):
    request = rf.get("/compte/sso/")
    request.session = SessionStore()
    request._messages = FallbackStorage(request)
    sociallogin = SocialLogin(
        user=User(email=email, first_name="Camille", last_name="Durand"),
        account=SocialAccount(provider="proconnect", uid=email),
        email_addresses=[EmailAddress(email=email, verified=verified, primary=True)],
    )
    return get_adapter(request).save_user(request, sociallogin)


def test_a_social_login_with_a_verified_fiche_address_links_the_fiche(rf, home):
    fiche = make_fiche("camille.durand", "Camille Durand")
    user = social_signup(rf, "camille.durand@beta.gouv.fr", verified=True)
    fiche.refresh_from_db()
    assert fiche.user == user
    assert Member.objects.count() == 1


def test_a_social_login_with_an_unverified_address_links_nothing(rf, home):
    fiche = make_fiche("camille.durand", "Camille Durand")
    user = social_signup(rf, "camille.durand@beta.gouv.fr", verified=False)
    fiche.refresh_from_db()
    assert fiche.user is None
    assert Member.objects.filter(user=user).exists()
