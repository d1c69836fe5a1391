"""Reader journey: on a shared guide page, a reader switches to an incubator's version of it."""

import re

import pytest
from playwright.sync_api import expect

from resources.guides.models import GuidePage

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_reader_switches_from_the_common_version_to_an_incubator_version(page, site_url, console_log):
    guide = GuidePage.objects.live().get(slug="comite-investissement")
    page.goto(site_url + guide.get_url())
    article = page.locator("article[data-version]")
    expect(article).to_have_attribute("data-version", "commune")
    versions = page.get_by_role("navigation", name="Versions de cette page")
    expect(versions.get_by_role("link", name="Version commune")).to_have_attribute("aria-current", "page")

    versions.get_by_role("link", name="Version Fabrique des territoires").click()
    expect(article).to_have_attribute("data-version", "fabrique-des-territoires")
    expect(page).to_have_url(re.compile(r"\?incubateur=fabrique-des-territoires$"))
    expect(page.locator(".guide-body")).to_contain_text("chaque trimestre")
    chosen = versions.get_by_role("link", name="Version Fabrique des territoires")
    expect(chosen).to_have_attribute("aria-current", "page")

    versions.get_by_role("link", name="Version commune").click()
    expect(article).to_have_attribute("data-version", "commune")
    expect(page.locator(".guide-body")).not_to_contain_text("chaque trimestre")
    assert not [m for m in console_log if m.startswith("[pageerror]")]
