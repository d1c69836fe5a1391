"""Shared fixtures: a site tree built with factories, and the demo site for smoke tests."""

from pathlib import Path

from django.core.management import call_command

from wagtail.models import Page, Site

import pytest

from tests.factories import HomePageFactory


@pytest.fixture(autouse=True)
def _clear_cache():
    """Rate limits and cached fragments must not leak from one test into the next."""
    from django.core.cache import cache

    cache.clear()
    yield


@pytest.fixture
def home(db):
    """A published home page serving as the default site's root."""
    root = Page.get_first_root_node()
    home = HomePageFactory(parent=root, title="Accueil", slug="accueil-test")
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "port": 80, "root_page": home},
    )
    return home


@pytest.fixture
def demo_site(db):
    """The full demo content, loaded the way `make run` loads it."""
    call_command("load_demo", "--no-admin", stdout=open("/dev/null", "w"))  # noqa: SIM115
    return Site.objects.get(is_default_site=True)


SHARED_FIXTURES = Path(__file__).resolve().parent.parent.parent / "shared" / "fixtures"


@pytest.fixture(scope="session")
def shared_fixtures():
    """Real third-party data (beta.gouv.fr fiches, GitBook guides), read in place, never copied."""
    assert SHARED_FIXTURES.is_dir(), f"Les fixtures partagées sont introuvables : {SHARED_FIXTURES}"
    return SHARED_FIXTURES
