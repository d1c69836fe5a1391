"""Sign-up with mandatory email verification, allowed domains, honeypot, CSRF and rate limit."""

import re

from django.contrib.auth.models import Group
from django.core import mail
from django.test import Client, override_settings

import pytest

from community.members.adapters import is_allowed_email
from community.members.models import Member, User
from core.security.ratelimit import RATE_LIMIT_MESSAGE

pytestmark = pytest.mark.django_db

SIGNUP = "/compte/inscription/"


def signup_data(email="camille.durand@beta.gouv.fr", **overrides):
    return {
        "first_name": "Camille",
        "last_name": "Durand",
        "email": email,
        "password1": "une-phrase-de-passe-solide",
        "password2": "une-phrase-de-passe-solide",
        **overrides,
    }


def confirmation_link(message):
    match = re.search(r"http://testserver(/compte/courriel/confirmer/[^/\s]+/)", message.body)
    assert match, message.body
    return match.group(1)


def test_signup_form_is_french_and_dsfr(client, home):
    response = client.get(SIGNUP)
    html = response.content.decode()
    assert response.status_code == 200
    assert "<h1>Créer un compte</h1>" in html
    assert 'class="fr-input"' in html
    assert "Adresse électronique professionnelle" in html
    assert 'name="csrfmiddlewaretoken"' in html


def test_signup_needs_email_verification_then_makes_a_member(client, home):
    response = client.post(SIGNUP, signup_data())
    assert response.status_code == 302
    assert response.url == "/compte/courriel/verification/"
    user = User.objects.get(email="camille.durand@beta.gouv.fr")
    assert not Member.objects.filter(user=user).exists()
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["camille.durand@beta.gouv.fr"]

    # Not verified yet: logging in only resends the verification email.
    fresh = Client()
    fresh.post("/compte/connexion/", {"login": user.email, "password": "une-phrase-de-passe-solide"})
    assert "_auth_user_id" not in fresh.session

    link = confirmation_link(mail.outbox[0])
    page = client.get(link)
    assert page.status_code == 200
    assert "Confirmer mon adresse" in page.content.decode()
    response = client.post(link)
    assert response.status_code == 302

    member = Member.objects.get(user=user)
    assert member.full_name == "Camille Durand"
    assert member.slug == "camille-durand"
    assert user.groups.filter(name="Membres").exists()
    assert client.session["_auth_user_id"] == str(user.pk)


def test_refused_domain_gets_a_clear_french_message_next_to_the_field(client, home):
    response = client.post(SIGNUP, signup_data(email="camille@gmail.com"))
    html = response.content.decode()
    assert response.status_code == 200
    assert "ne fait pas partie des domaines acceptés" in html
    error = re.search(r'<p class="fr-error-text" id="id_email-erreur">(.*?)</p>', html, re.S)
    assert error and "domaines acceptés" in error.group(1)
    assert 'value="camille@gmail.com"' in html  # what was typed is kept
    assert 'value="Camille"' in html
    assert not User.objects.filter(email="camille@gmail.com").exists()
    assert mail.outbox == []


@pytest.mark.parametrize(
    ("email", "allowed"),
    [
        ("a@beta.gouv.fr", True),
        ("a@dinum.gouv.fr", True),
        ("a@GOUV.FR", True),
        ("a@francetravail.fr", True),
        ("a@gmail.com", False),
        ("a@notgouv.fr", False),
        ("a@gouv.fr.example.com", False),
    ],
)
def test_allowed_domains_accept_subdomains_only(email, allowed):
    assert is_allowed_email(email) is allowed


@override_settings(FABRIQUE_ALLOWED_EMAIL_DOMAINS=["exemple.org"])
def test_allowed_domains_come_from_settings(client, home):
    assert is_allowed_email("a@exemple.org")
    assert not is_allowed_email("a@beta.gouv.fr")
    response = client.post(SIGNUP, signup_data(email="camille@beta.gouv.fr"))
    assert "exemple.org" in response.content.decode()


def test_honeypot_creates_nothing(client, home):
    response = client.post(SIGNUP, signup_data(site_web="https://spam.example"))
    assert response.status_code == 302  # same answer as a person gets
    assert not User.objects.exists()
    assert mail.outbox == []


def test_signup_without_csrf_token_is_refused(home):
    client = Client(enforce_csrf_checks=True)
    response = client.post(SIGNUP, signup_data())
    assert response.status_code == 403
    assert not User.objects.exists()


def test_eleventh_signup_in_a_minute_is_refused(client, home):
    for attempt in range(10):
        response = client.post(SIGNUP, signup_data(email=f"personne{attempt}@gmail.com"))
        assert RATE_LIMIT_MESSAGE not in response.content.decode()
    response = client.post(SIGNUP, signup_data(email="camille.durand@beta.gouv.fr"))
    assert response.status_code == 200
    html = response.content.decode()
    assert RATE_LIMIT_MESSAGE in html
    assert 'value="camille.durand@beta.gouv.fr"' in html
    assert not User.objects.exists()


def test_members_group_exists_for_new_accounts():
    assert Group.objects.filter(name="Membres").exists()
