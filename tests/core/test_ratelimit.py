"""The shared rate limiter: per address, per account and per typed key, expiring after the period."""

from django.core.cache import cache
from django.test import RequestFactory, override_settings

import pytest

from core.security import ratelimit
from tests.community.members.factories import make_user

pytestmark = pytest.mark.django_db


def request_from(ip, user=None):
    request = RequestFactory().post("/", REMOTE_ADDR=ip)
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


def test_counters_expire():
    for _ in range(10):
        ratelimit.allow(request_from("192.0.2.1"), "essai")
    cache.clear()  # what the expiry does after FABRIQUE_RATE_LIMIT_PERIOD seconds
    assert ratelimit.allow(request_from("192.0.2.1"), "essai")


@override_settings(FABRIQUE_TRUST_X_FORWARDED_FOR=True)
def test_forwarded_address_is_used_only_when_trusted():
    request = RequestFactory().get("/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.7, 10.0.0.1")
    assert ratelimit.client_ip(request) == "203.0.113.7"


def test_forwarded_address_is_ignored_by_default():
    request = RequestFactory().get("/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.7")
    assert ratelimit.client_ip(request) == "10.0.0.1"
