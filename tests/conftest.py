"""Shared fixtures: a site tree built with factories, and the demo site for the tests about the demo."""

import os
import threading

from django.conf import settings as django_settings
from django.core.cache import caches
from django.core.management import call_command
from django.core.signals import request_finished, request_started
from django.test import TestCase

from wagtail.models import Site

import pytest
from hypothesis import settings

from tests import SHARED_FIXTURES_DIR
from tests.community.members.factories import make_user
from tests.home.factories import make_home
from tests.resources.guides.factories import GuideIndexPageFactory
from tests.resources.library.factories import ResourceIndexPageFactory


@pytest.fixture
def home(db):
    """A published home page serving as the default site's root."""
    return make_home(title="Accueil", slug="accueil-test")


@pytest.fixture
def demo_site(db):
    """The full demo content, loaded the way `make run` loads it."""
    call_command("load_demo", "--no-admin", stdout=open("/dev/null", "w"))  # noqa: SIM115
    return Site.objects.get(is_default_site=True)


@pytest.fixture(scope="session")
def shared_fixtures():
    """Real third-party data (beta.gouv.fr fiches, GitBook guides), read in place, never copied."""
    assert SHARED_FIXTURES_DIR.is_dir(), f"Les fixtures partagées sont introuvables : {SHARED_FIXTURES_DIR}"
    return SHARED_FIXTURES_DIR


@pytest.fixture(scope="session", autouse=True)
def _emails_through_the_queue(django_test_environment):
    """Django's test setup swaps EMAIL_BACKEND for its outbox: the queue is put back, so every test
    sends emails the production way (core/mail.py), delivered after commit to `mail.outbox`."""
    django_settings.EMAIL_BACKEND = "core.mail.QueuedEmailBackend"


@pytest.fixture(autouse=True)
def _requests_commit():
    """A request's after-commit work (queued emails, renditions) runs when the request ends.

    In production each request's writes commit before its response (no ATOMIC_REQUESTS), so what it
    deferred with `transaction.on_commit` has run by then. The test client's requests run inside the
    test's transaction, which never commits: the callbacks a request registered are run when it
    finishes, the way Django's `captureOnCommitCallbacks(execute=True)` runs them.
    """
    running = threading.local()  # the live server of browser tests answers in other threads

    def started(**kwargs):
        running.capture = TestCase.captureOnCommitCallbacks(execute=True)
        running.capture.__enter__()

    def finished(**kwargs):
        capture, running.capture = getattr(running, "capture", None), None
        if capture is not None:
            capture.__exit__(None, None, None)

    request_started.connect(started, dispatch_uid="tests-requests-commit-start")
    request_finished.connect(finished, dispatch_uid="tests-requests-commit-finish")
    yield
    request_started.disconnect(dispatch_uid="tests-requests-commit-start")
    request_finished.disconnect(dispatch_uid="tests-requests-commit-finish")


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Rate-limit counters and cached fragments live in the caches: none leaks from one test into the next."""
    for alias in django_settings.CACHES:
        caches[alias].clear()
    yield
    for alias in django_settings.CACHES:
        caches[alias].clear()


@pytest.fixture
def sections(home):
    """The guide and resource sections, with their workflows and per-section permissions."""
    return {
        "guides": GuideIndexPageFactory(parent=home),
        "ressources": ResourceIndexPageFactory(parent=home),
    }


@pytest.fixture
def people(db):
    """One account per editorial role of the permission matrix."""
    return {
        "member": make_user("membre"),
        "moderator": make_user("moderatrice", ["Modérateurs"]),
        "coach": make_user("coach", ["Coachs"]),
        "coach2": make_user("coach2", ["Coachs"]),
        "admin": make_user("administratrice", ["Administrateurs"]),
    }


# Property-based tests: a derandomized profile by default, so CI runs the same examples every time
# (and stays within its time budget); HYPOTHESIS_PROFILE=explore tries more, random examples locally.
settings.register_profile("ci", derandomize=True, max_examples=40, database=None, print_blob=True)
settings.register_profile("explore", max_examples=500)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))
