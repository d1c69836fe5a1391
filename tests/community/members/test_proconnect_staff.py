"""The optional ProConnect-only mode for staff: no password login for coachs, moderators, administrators.

The ProConnect side runs against the same real provider as test_proconnect.py (its fixtures).
"""

import html

from django.test import override_settings

import pytest

from tests.community.members.factories import PASSWORD, make_user
from tests.community.members.test_proconnect import (  # noqa: F401 - pytest fixtures
    logged_in_user,
    login_at_provider,
    proconnect,
    provider_url,
)

LOGIN = "/compte/connexion/"
HINT = "Membres de l'équipe (coachs, modérateurs, administrateurs) : connectez-vous avec ProConnect"


@pytest.fixture
def staff_proconnect_only():
    with override_settings(FABRIQUE_STAFF_PROCONNECT_ONLY=True):
        yield


def test_staff_cannot_log_in_with_a_password_on_the_site(client, home, staff_proconnect_only):
    make_user("bruno", ["Coachs"], email="bruno.petit@numerique.gouv.fr")
    response = client.post(LOGIN, {"login": "bruno.petit@numerique.gouv.fr", "password": PASSWORD})
    assert response.status_code == 200
    assert HINT in html.unescape(response.content.decode())
    assert logged_in_user(client) is None


def test_staff_cannot_log_in_with_a_password_on_the_admin(client, home, staff_proconnect_only):
    coach = make_user("bruno", ["Coachs"], email="bruno.petit@numerique.gouv.fr")
    response = client.post("/admin/login/", {"username": coach.username, "password": PASSWORD})
    assert response.status_code == 200  # the form again, not a redirect into the admin
    assert client.get("/admin/").status_code == 302


def test_members_still_log_in_with_a_password(client, home, staff_proconnect_only):
    make_user("camille", email="camille@beta.gouv.fr")
    response = client.post(LOGIN, {"login": "camille@beta.gouv.fr", "password": PASSWORD})
    assert response.status_code == 302
    assert logged_in_user(client) is not None


def test_without_the_mode_staff_keep_their_password(client, home):
    make_user("bruno", ["Coachs"], email="bruno.petit@numerique.gouv.fr")
    response = client.post(LOGIN, {"login": "bruno.petit@numerique.gouv.fr", "password": PASSWORD})
    assert response.status_code == 302


def test_staff_log_in_through_proconnect_and_reach_the_admin(client, proconnect, staff_proconnect_only):  # noqa: F811
    coach = make_user("bruno", ["Coachs"], email="bruno.petit@numerique.gouv.fr")
    _, response = login_at_provider(client, "bruno")
    assert response.status_code == 302
    assert logged_in_user(client) == coach
    assert client.get("/admin/").status_code == 200
