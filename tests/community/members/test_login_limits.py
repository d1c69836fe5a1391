"""Login attempt limiting (django-axes) on the site's login by email and on /admin/login/."""

from datetime import timedelta

from django.conf import settings
from django.core.management import call_command
from django.utils import timezone

import pytest
from axes.models import AccessAttempt

from tests.community.members.factories import PASSWORD, make_user

LOGIN = "/compte/connexion/"
ADMIN_LOGIN = "/admin/login/"
LOCKED = "Connexion temporairement bloquée"

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("home")]


@pytest.fixture(autouse=True)
def _other_limits_out_of_the_way(settings):
    """Isolate axes from the two per-minute limiters that also watch logins (tested elsewhere)."""
    settings.ACCOUNT_RATE_LIMITS = False
    settings.FABRIQUE_RATE_LIMIT = 1000


def site_login(client, email, password, ip="192.0.2.10"):
    return client.post(LOGIN, {"login": email, "password": password}, REMOTE_ADDR=ip)


def admin_login(client, username, password, ip="192.0.2.10"):
    return client.post(ADMIN_LOGIN, {"username": username, "password": password}, REMOTE_ADDR=ip)


def fail(login, client, identifier, times, **kwargs):
    return [login(client, identifier, "pas-le-bon", **kwargs) for _ in range(times)]


def test_five_wrong_passwords_lock_the_account_even_with_the_right_one(client):
    user = make_user("camille")
    responses = fail(site_login, client, user.email, settings.AXES_FAILURE_LIMIT - 1)
    assert {response.status_code for response in responses} == {200}  # the form, with its error
    locked = site_login(client, user.email, "pas-le-bon")
    assert locked.status_code == 429
    html = locked.content.decode()
    assert LOCKED in html
    assert "bloquée pendant 15 minutes, même avec le bon mot de passe" in html
    right = site_login(client, user.email, PASSWORD)
    assert right.status_code == 429
    assert LOCKED in right.content.decode()
    assert "_auth_user_id" not in client.session
    assert AccessAttempt.objects.get(username="camille", ip_address="192.0.2.10").failures_since_start >= 5


def test_a_success_before_the_limit_starts_the_count_again(client):
    user = make_user("camille")
    fail(site_login, client, user.email, 4)
    assert site_login(client, user.email, PASSWORD).status_code == 302
    client.logout()
    fail(site_login, client, user.email, 4)
    assert site_login(client, user.email, PASSWORD).status_code == 302


def test_another_account_and_the_same_account_elsewhere_are_not_affected(client):
    user = make_user("camille")
    other = make_user("dominique")
    fail(site_login, client, user.email, 5)
    assert site_login(client, other.email, PASSWORD).status_code == 302
    client.logout()
    # The agent, from their own office: an attacker cannot lock them out from elsewhere.
    assert site_login(client, user.email, PASSWORD, ip="198.51.100.7").status_code == 302


def test_email_and_username_count_against_the_same_account(client):
    coach = make_user("coach", ["Coachs"])
    fail(site_login, client, coach.email.upper(), 3)
    fail(admin_login, client, "coach", 2)
    response = admin_login(client, "coach", PASSWORD)
    assert response.status_code == 429
    assert LOCKED in response.content.decode()


def test_admin_login_is_limited_too(client):
    coach = make_user("coach", ["Coachs"])
    responses = fail(admin_login, client, coach.username, 5)
    assert responses[-1].status_code == 429
    assert admin_login(client, coach.username, PASSWORD).status_code == 429
    assert client.get("/admin/").status_code == 302  # still not logged in


def test_unknown_accounts_are_counted_as_well(client):
    responses = fail(site_login, client, "personne@beta.gouv.fr", 5)
    assert responses[-1].status_code == 429


def test_an_administrator_can_lift_the_lock(client):
    user = make_user("camille")
    fail(site_login, client, user.email, 5)
    assert site_login(client, user.email, PASSWORD).status_code == 429
    call_command("axes_reset_username", "camille", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert site_login(client, user.email, PASSWORD).status_code == 302


def test_attempts_are_listed_in_django_admin_for_administrators(client):
    user = make_user("camille")
    fail(site_login, client, user.email, 5)
    admin = make_user("admin", is_superuser=True, is_staff=True)
    client.force_login(admin)
    response = client.get("/django-admin/axes/accessattempt/")
    assert response.status_code == 200
    assert "camille" in response.content.decode()


def test_the_lock_ends_after_the_cool_off(client):
    user = make_user("camille")
    fail(site_login, client, user.email, 5)
    assert site_login(client, user.email, PASSWORD).status_code == 429
    AccessAttempt.objects.update(attempt_time=timezone.now() - timedelta(minutes=16))
    assert site_login(client, user.email, PASSWORD).status_code == 302
