"""Rate limits: per address, account and typed key; the client address behind trusted proxies; limits
that let actions through (never refuse everyone) when their cache is down; password spraying refused."""

import logging

from django.core.cache import caches
from django.test import RequestFactory, override_settings

import pytest
from axes.models import AccessAttempt

from community.members.models import User
from core.security import ratelimit
from core.security.clients import client_ip
from tests.community.members.factories import PASSWORD, make_user
from tests.core.services import closed_redis_url, production_caches

pytestmark = pytest.mark.django_db

LOGIN = "/compte/connexion/"
WRONG = "pas-le-bon-mot-de-passe"


def request_from(ip, user=None, **meta):
    request = RequestFactory().post("/", REMOTE_ADDR=ip, **meta)
    if user is not None:
        request.user = user
    return request


def test_eleventh_action_from_one_address_is_refused():
    results = [ratelimit.allow(request_from("192.0.2.1"), "essai") for _ in range(11)]
    assert results == [True] * 10 + [False]
    assert ratelimit.allow(request_from("192.0.2.2"), "essai")  # another address is not affected
    assert ratelimit.allow(request_from("192.0.2.1"), "autre-portee")  # nor another scope


def test_one_account_is_limited_across_addresses():
    user = make_user("camille")
    results = [ratelimit.allow(request_from(f"192.0.2.{n}", user), "essai") for n in range(11)]
    assert results[-1] is False


def test_a_typed_key_is_limited_across_addresses():
    results = [
        ratelimit.allow(request_from(f"192.0.2.{n}"), "essai", "Cible@Beta.gouv.fr") for n in range(10)
    ]
    assert all(results)
    assert not ratelimit.allow(request_from("198.51.100.1"), "essai", "cible@beta.gouv.fr")


def test_one_ipv6_network_counts_as_one_address():
    results = [ratelimit.allow(request_from(f"2001:db8::{n:x}"), "essai") for n in range(1, 12)]
    assert results[-1] is False


def test_counters_expire():
    for _ in range(10):
        ratelimit.allow(request_from("192.0.2.1"), "essai")
    caches["ratelimit"].clear()  # what the expiry does after FABRIQUE_RATE_LIMIT_PERIOD seconds
    assert ratelimit.allow(request_from("192.0.2.1"), "essai")


# --- The client's address --------------------------------------------------------------------------


def test_forwarded_header_is_ignored_without_trusted_proxy():
    request = RequestFactory().get("/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.7")
    assert client_ip(request) == "10.0.0.1"


@override_settings(FABRIQUE_TRUSTED_PROXY_COUNT=1)
def test_behind_one_proxy_the_rightmost_entry_is_the_client():
    forged = "198.51.100.66, 203.0.113.7"  # the client wrote the first entry, our proxy the last
    request = RequestFactory().get("/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR=forged)
    assert client_ip(request) == "203.0.113.7"


@override_settings(FABRIQUE_TRUSTED_PROXY_COUNT=2)
def test_behind_two_proxies_the_second_entry_from_the_right_is_the_client():
    request = RequestFactory().get(
        "/", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="198.51.100.66, 203.0.113.7, 10.0.0.1"
    )
    assert client_ip(request) == "203.0.113.7"


@override_settings(FABRIQUE_TRUSTED_PROXY_COUNT=2)
def test_a_header_shorter_than_the_proxy_chain_falls_back_to_the_peer():
    request = RequestFactory().get("/", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="nonsense")
    assert client_ip(request) == "10.0.0.2"


@override_settings(FABRIQUE_TRUSTED_PROXY_COUNT=1)
def test_axes_and_allauth_see_the_same_address(client, home):
    user = make_user("camille")
    client.post(
        LOGIN,
        {"login": user.email, "password": WRONG},
        REMOTE_ADDR="10.0.0.1",
        HTTP_X_FORWARDED_FOR="198.51.100.66, 203.0.113.7",
    )
    assert list(AccessAttempt.objects.values_list("ip_address", flat=True)) == ["203.0.113.7"]


# --- Password spraying: many accounts, one address -----------------------------------------------


def spray(client, users, **meta):
    """One wrong password per account from one address; the French answer to each attempt."""
    answers = []
    for n, user in enumerate(users):
        extra = {key: value(n) if callable(value) else value for key, value in meta.items()}
        html = client.post(LOGIN, {"login": user.email, "password": WRONG}, **extra).content.decode()
        if ratelimit.RATE_LIMIT_MESSAGE in html:
            answers.append("refusé")
        elif "incorrect" in html.lower():
            answers.append("incorrect")
        else:
            answers.append(html[:200])
    return answers


def fifteen_accounts():
    return [make_user(f"agent{n}") for n in range(15)]


def test_spraying_from_one_address_is_refused_after_the_limit(client, home):
    answers = spray(client, fifteen_accounts(), REMOTE_ADDR="203.0.113.9")
    assert answers == ["incorrect"] * 10 + ["refusé"] * 5


def test_a_forged_header_buys_nothing_without_trusted_proxy(client, home):
    answers = spray(
        client,
        fifteen_accounts(),
        REMOTE_ADDR="203.0.113.9",
        HTTP_X_FORWARDED_FOR=lambda n: f"198.51.100.{n}",
    )
    assert answers == ["incorrect"] * 10 + ["refusé"] * 5


@override_settings(FABRIQUE_TRUSTED_PROXY_COUNT=1, ALLAUTH_TRUSTED_PROXY_COUNT=1)
def test_a_forged_header_buys_nothing_behind_a_proxy(client, home):
    answers = spray(
        client,
        fifteen_accounts(),
        REMOTE_ADDR="10.0.0.1",  # our proxy
        HTTP_X_FORWARDED_FOR=lambda n: f"198.51.100.{n}, 203.0.113.9",  # forged entry, then the proxy's
    )
    assert answers == ["incorrect"] * 10 + ["refusé"] * 5


def test_the_thirty_first_login_form_in_a_minute_gets_the_french_429_page(client, home):
    user = make_user("camille")
    for _ in range(30):
        client.post(LOGIN, {"login": user.email, "password": PASSWORD}, REMOTE_ADDR="203.0.113.9")
        client.logout()
    response = client.post(LOGIN, {"login": user.email, "password": PASSWORD}, REMOTE_ADDR="203.0.113.9")
    assert response.status_code == 429
    assert "Trop de tentatives" in response.content.decode()


def test_spraying_from_another_address_is_not_affected(client, home):
    users = fifteen_accounts()
    spray(client, users, REMOTE_ADDR="203.0.113.9")
    assert spray(client, users[:1], REMOTE_ADDR="203.0.113.10") == ["incorrect"]


# --- The cache is down: limits let actions through, never refuse everyone --------------------------


def test_our_limiter_lets_actions_through_and_warns_when_redis_is_unreachable(caplog):
    down = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
        # A plain django-redis client, which raises: the limiter must not.
        "ratelimit": {"BACKEND": "django_redis.cache.RedisCache", "LOCATION": closed_redis_url()},
    }
    with override_settings(CACHES=down), caplog.at_level(logging.WARNING):
        results = [ratelimit.allow(request_from("192.0.2.1"), "essai") for _ in range(12)]
    assert results == [True] * 12
    assert "cache injoignable" in caplog.text


def test_with_redis_down_a_wrong_password_gets_the_usual_french_error(client, home):
    user = make_user("camille")
    with override_settings(CACHES=production_caches(closed_redis_url())):
        response = client.post(LOGIN, {"login": user.email, "password": WRONG})
    html = response.content.decode()
    assert response.status_code == 200
    assert "incorrect" in html.lower()
    assert ratelimit.RATE_LIMIT_MESSAGE not in html
    assert f'value="{user.email}"' in html


def test_with_redis_down_the_right_password_logs_in(client, home):
    user = make_user("camille")
    with override_settings(CACHES=production_caches(closed_redis_url())):
        response = client.post(LOGIN, {"login": user.email, "password": PASSWORD})
        assert response.status_code == 302
        assert client.session["_auth_user_id"] == str(user.pk)
        assert client.get("/").status_code == 200  # pages are rendered without their cache


def test_with_redis_down_sign_up_still_works(client, home):
    form = {
        "first_name": "Camille",
        "last_name": "Martin",
        "email": "camille.martin@beta.gouv.fr",
        "password1": "une-phrase-de-passe-solide",
        "password2": "une-phrase-de-passe-solide",
    }
    with override_settings(CACHES=production_caches(closed_redis_url())):
        response = client.post("/compte/inscription/", form)
    assert response.status_code == 302
    assert User.objects.filter(email="camille.martin@beta.gouv.fr").exists()
