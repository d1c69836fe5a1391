"""Shared fixtures: a site tree built with factories, and the demo site for the tests about the demo."""

import os

from django.conf import settings as django_settings
from django.core.cache import caches
from django.core.management import call_command

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
