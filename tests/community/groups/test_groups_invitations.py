"""Invitations by email: a newcomer signs up through allauth and lands in the group; a member accepts."""

import re

from django.core import mail
from django.test import Client

import pytest

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
    response = newcomer.post(
        signup.replace("&amp;", "&"),
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
