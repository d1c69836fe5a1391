"""Invitations by email: a newcomer signs up through allauth and lands in the group; a member accepts."""

import datetime
import re

from django.core import mail
from django.test import Client
from django.utils import timezone

import pytest
from allauth.account.models import EmailAddress

from community.groups.models import Invitation

pytestmark = pytest.mark.django_db


def link_in(message, pattern):
    match = re.search(r"http://testserver(" + pattern + ")", message.body)
    assert match, message.body
    return match.group(1)


def invite(client, roles, group, email):
    client.force_login(roles["coordination"])
    return client.post(f"/groupes/{group.slug}/gestion/inviter/", {"email": email})


def test_an_invitation_to_a_new_address_leads_through_sign_up_into_the_group(client, home, roles, make_group):
    group = make_group("prive")
    invite(client, roles, group, "nina.nouvelle@beta.gouv.fr")
    invitation_link = link_in(mail.outbox[-1], r"/groupes/invitation/[^/\s]+/")
    assert mail.outbox[-1].to == ["nina.nouvelle@beta.gouv.fr"]

    newcomer = Client()
    page = newcomer.get(invitation_link)
    assert page.status_code == 200
    signup = re.search(r'href="(/compte/inscription/\?next=[^"]+)"', page.content.decode()).group(1)
    signup = signup.replace("&amp;", "&")
    # The sign-up form opens with the invited address already written.
    form = newcomer.get(signup).content.decode()
    assert re.search(r'<input[^>]*name="email"[^>]*value="nina.nouvelle@beta.gouv.fr"', form)
    response = newcomer.post(
        signup,
        {
            "first_name": "Nina",
            "last_name": "Nouvelle",
            "email": "nina.nouvelle@beta.gouv.fr",
            "password1": "une-phrase-de-passe-solide",
            "password2": "une-phrase-de-passe-solide",
        },
    )
    assert response.status_code == 302
    assert newcomer.get(group.get_absolute_url()).status_code == 404  # not before the address is confirmed

    confirmation = link_in(mail.outbox[-1], r"/compte/courriel/confirmer/[^/\s]+/")
    newcomer.post(confirmation)
    page = newcomer.get(group.get_absolute_url())
    assert page.status_code == 200
    assert 'id="membres"' in page.content.decode()
    assert group.memberships.get(user__email="nina.nouvelle@beta.gouv.fr").status == "actif"
    assert not Invitation.objects.get().pending


def test_an_existing_member_sees_the_invitation_on_the_next_visit_and_accepts(
    client, home, roles, make_group
):
    group = make_group("prive", name="Cercle Quokka")
    invite(client, roles, group, roles["membre"].email.upper())
    assert "Connectez-vous" in mail.outbox[-1].body
    client.force_login(roles["membre"])
    listing = client.get("/groupes/").content.decode()
    assert "Rejoindre « Cercle Quokka »" in listing
    token = Invitation.objects.get().token
    client.post(f"/groupes/invitation/{token}/", {"decision": "accepter"})
    assert group.is_active_member(roles["membre"])
    assert client.get(f"/groupes/invitation/{token}/").status_code == 302  # used: back to the group


def test_invitation_form_refuses_a_bad_address_in_french(client, home, roles, make_group):
    group = make_group("public")
    response = invite(client, roles, group, "pas-une-adresse")
    assert response.status_code == 400
    assert "Cette adresse électronique n&#x27;est pas valide" in response.content.decode()
    assert not Invitation.objects.exists()


def test_plain_members_cannot_invite(client, home, roles, make_group):
    group = make_group("public")
    client.force_login(roles["membre_du_groupe"])
    response = client.post(f"/groupes/{group.slug}/gestion/inviter/", {"email": "x@beta.gouv.fr"})
    assert response.status_code == 403
    assert not Invitation.objects.exists() and not mail.outbox


def test_an_unknown_token_is_a_404(client, home):
    assert client.get("/groupes/invitation/inconnu/").status_code == 404


def test_a_member_already_in_the_group_is_not_invited(client, home, roles, make_group):
    group = make_group("public")
    response = invite(client, roles, group, roles["membre_du_groupe"].email)
    assert "déjà membre du groupe" in response.content.decode()


def test_an_account_without_the_invited_address_is_refused_in_french(client, home, roles, make_group):
    group = make_group("prive", name="Cercle Quokka")
    invite(client, roles, group, "invitee@beta.gouv.fr")
    token = Invitation.objects.get().token
    client.force_login(roles["membre"])  # holds the link (a forwarded email), not the address
    page = client.get(f"/groupes/invitation/{token}/").content.decode()
    assert "envoyée à invitee@beta.gouv.fr" in page and "Rejoindre le groupe" not in page
    for decision in ("accepter", "refuser"):
        response = client.post(f"/groupes/invitation/{token}/", {"decision": decision})
        assert response.status_code == 403
        assert "pas confirmée sur votre compte" in response.content.decode()
    assert not group.is_active_member(roles["membre"])
    assert Invitation.objects.get().pending
    assert "Cercle Quokka" not in client.get("/groupes/").content.decode()


def test_the_invited_address_counts_once_verified_on_the_account(client, home, roles, make_group):
    group = make_group("prive")
    invite(client, roles, group, "second@beta.gouv.fr")
    token = Invitation.objects.get().token
    user = roles["membre"]
    address = EmailAddress.objects.create(user=user, email="second@beta.gouv.fr", verified=False)
    client.force_login(user)
    assert client.post(f"/groupes/invitation/{token}/", {"decision": "accepter"}).status_code == 403
    address.verified = True
    address.save()
    assert client.post(f"/groupes/invitation/{token}/", {"decision": "accepter"}).status_code == 302
    assert group.is_active_member(user)


def test_signing_up_with_another_address_does_not_open_the_group(client, home, roles, make_group):
    group = make_group("prive")
    invite(client, roles, group, "nina.nouvelle@beta.gouv.fr")
    invitation_link = link_in(mail.outbox[-1], r"/groupes/invitation/[^/\s]+/")
    newcomer = Client()
    newcomer.post(
        f"/compte/inscription/?next={invitation_link}",
        {
            "first_name": "Nina",
            "last_name": "Autre",
            "email": "nina.autre@beta.gouv.fr",
            "password1": "une-phrase-de-passe-solide",
            "password2": "une-phrase-de-passe-solide",
        },
    )
    newcomer.post(link_in(mail.outbox[-1], r"/compte/courriel/confirmer/[^/\s]+/"))
    assert not group.memberships.filter(user__email="nina.autre@beta.gouv.fr").exists()
    assert newcomer.post(invitation_link, {"decision": "accepter"}).status_code == 403
    assert Invitation.objects.get().pending


def test_an_invitation_expires_and_inviting_again_sends_a_new_link(client, home, roles, make_group, settings):
    settings.FABRIQUE_GROUP_INVITATION_DAYS = 14
    group = make_group("prive", name="Cercle Quokka")
    invitee = roles["membre"]
    invite(client, roles, group, invitee.email)
    assert "valable jusqu'au" in mail.outbox[-1].body
    old = Invitation.objects.get()
    Invitation.objects.filter(pk=old.pk).update(created_at=timezone.now() - datetime.timedelta(days=15))
    assert "(expirée" in client.get(f"/groupes/{group.slug}/gestion/").content.decode()

    client.force_login(invitee)
    response = client.get(f"/groupes/invitation/{old.token}/")
    assert response.status_code == 410 and "Cette invitation a expiré" in response.content.decode()
    assert client.post(f"/groupes/invitation/{old.token}/", {"decision": "accepter"}).status_code == 410
    assert "Cercle Quokka" not in client.get("/groupes/").content.decode()  # no longer offered
    assert not group.is_active_member(invitee)

    settings.FABRIQUE_GROUP_INVITATION_DAYS = 30  # the delay is a setting
    assert client.get(f"/groupes/invitation/{old.token}/").status_code == 200
    settings.FABRIQUE_GROUP_INVITATION_DAYS = 14

    invite(client, roles, group, invitee.email)
    renewed = Invitation.objects.get()
    assert renewed.token != old.token and not renewed.expired
    assert client.get(f"/groupes/invitation/{old.token}/").status_code == 404
    client.force_login(invitee)
    client.post(f"/groupes/invitation/{renewed.token}/", {"decision": "accepter"})
    assert group.is_active_member(invitee)


def test_confirming_the_address_after_expiry_does_not_join(client, home, roles, make_group):
    group = make_group("prive")
    invite(client, roles, group, "tardive@beta.gouv.fr")
    Invitation.objects.update(created_at=timezone.now() - datetime.timedelta(days=15))
    newcomer = Client()
    newcomer.post(
        "/compte/inscription/",
        {
            "first_name": "Tara",
            "last_name": "Dive",
            "email": "tardive@beta.gouv.fr",
            "password1": "une-phrase-de-passe-solide",
            "password2": "une-phrase-de-passe-solide",
        },
    )
    newcomer.post(link_in(mail.outbox[-1], r"/compte/courriel/confirmer/[^/\s]+/"))
    assert EmailAddress.objects.get(email="tardive@beta.gouv.fr").verified
    assert not group.memberships.filter(user__email="tardive@beta.gouv.fr").exists()
