"""Login by email, logout, password reset, header links, rate limit, and the editors' admin login."""

import re

from django.core import mail
from django.test import Client, override_settings

import pytest

from core.security.ratelimit import RATE_LIMIT_MESSAGE
from tests.community.members.factories import PASSWORD, make_user

pytestmark = pytest.mark.django_db

LOGIN = "/compte/connexion/"


def test_login_by_email_then_logout(client, home):
    user = make_user("camille")
    response = client.post(LOGIN, {"login": user.email, "password": PASSWORD})
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(user.pk)

    html = client.get("/").content.decode()
    assert "Mon profil" in html
    assert "Se déconnecter" in html
    assert "S'inscrire" not in html

    response = client.post("/compte/deconnexion/")
    assert response.status_code == 302
    assert "_auth_user_id" not in client.session
    html = client.get("/").content.decode()
    assert "Se connecter" in html and "S'inscrire" in html


def test_wrong_password_is_explained_in_french_and_email_kept(client, home):
    user = make_user("camille")
    response = client.post(LOGIN, {"login": user.email, "password": "pas-le-bon"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "fr-alert--error" in html
    assert "incorrect" in html.lower()
    assert f'value="{user.email}"' in html
    assert "_auth_user_id" not in client.session


def test_header_shows_administration_to_editors_only(client, home):
    coach = make_user("coach", ["Coachs"])
    member = make_user("membre")
    client.force_login(member)
    assert "Administration" not in client.get("/").content.decode()
    client.force_login(coach)
    assert "Administration" in client.get("/").content.decode()


def test_logout_needs_a_post(client, home):
    client.force_login(make_user("camille"))
    response = client.get("/compte/deconnexion/")
    assert response.status_code == 200  # a confirmation page, not a logout by link
    assert "_auth_user_id" in client.session


def test_password_reset_round_trip(client, home):
    user = make_user("camille")
    response = client.post("/compte/mot-de-passe/oublie/", {"email": user.email})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [user.email]
    link = re.search(r"http://testserver(/compte/mot-de-passe/nouveau/\S+/)", mail.outbox[0].body).group(1)
    response = client.get(link)
    assert response.status_code == 302  # allauth swaps the key out of the URL
    form_url = response.url
    assert "Choisir un nouveau mot de passe" in client.get(form_url).content.decode()
    response = client.post(
        form_url, {"password1": "nouvelle-phrase-solide", "password2": "nouvelle-phrase-solide"}
    )
    assert response.status_code == 302
    assert response.url == "/compte/mot-de-passe/nouveau/fait/"
    fresh = Client()
    fresh.post(LOGIN, {"login": user.email, "password": "nouvelle-phrase-solide"})
    assert fresh.session["_auth_user_id"] == str(user.pk)


def test_password_reset_mismatch_is_shown_next_to_the_field(client, home):
    user = make_user("camille")
    client.post("/compte/mot-de-passe/oublie/", {"email": user.email})
    link = re.search(r"http://testserver(/compte/mot-de-passe/nouveau/\S+/)", mail.outbox[0].body).group(1)
    form_url = client.get(link).url
    html = client.post(
        form_url, {"password1": "nouvelle-phrase-solide", "password2": "autre"}
    ).content.decode()
    assert 'id="id_password2-erreur"' in html


def test_login_honeypot_refuses(client, home):
    user = make_user("camille")
    client.post(LOGIN, {"login": user.email, "password": PASSWORD, "site_web": "x"})
    assert "_auth_user_id" not in client.session


def test_sixth_wrong_password_on_one_account_is_refused_without_error(client, home):
    """allauth's per-account limit, across addresses (django-axes counts per account *and* address)."""
    user = make_user("camille")
    for n in range(5):
        wrong = {"login": user.email, "password": "pas-le-bon"}
        response = client.post(LOGIN, wrong, REMOTE_ADDR=f"192.0.2.{n}")
        assert "incorrect" in response.content.decode().lower()
    response = client.post(LOGIN, {"login": user.email, "password": PASSWORD}, REMOTE_ADDR="192.0.2.99")
    assert response.status_code == 200
    html = response.content.decode()
    assert RATE_LIMIT_MESSAGE in html
    assert f'value="{user.email}"' in html
    assert "_auth_user_id" not in client.session


def test_login_url_points_to_the_site_login(client, home):
    response = client.get("/membres/")
    assert response.status_code == 302
    assert response.url == "/compte/connexion/?next=/membres/"


def test_wagtail_admin_login_still_works_for_editors(client, home):
    coach = make_user("coach", ["Coachs"])
    response = client.post("/admin/login/", {"username": coach.username, "password": PASSWORD})
    assert response.status_code == 302
    assert client.get("/admin/").status_code == 200


def test_sso_is_wired_but_offers_no_provider_until_configured(client, home):
    html = client.get(LOGIN).content.decode()
    assert "S'identifier avec" not in html


@override_settings(
    SOCIALACCOUNT_PROVIDERS={
        "openid_connect": {
            "APPS": [
                {
                    "provider_id": "proconnect",
                    "name": "ProConnect",
                    "client_id": "fabrique",
                    "secret": "secret-de-test",
                    "settings": {"server_url": "https://identite.example.gouv.fr"},
                }
            ]
        }
    }
)
def test_sso_button_appears_once_configured(client, home):
    html = client.get(LOGIN).content.decode()
    assert "S'identifier avec ProConnect" in html
    assert 'action="/compte/oidc/proconnect/login/' in html
