"""The home page in a real browser: DSFR chrome, keyboard access, no serious axe violation."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.a11y import blocking_violations

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_home_page_is_accessible_and_keyboard_usable(page, site_url, console_log):
    page.goto(site_url + "/")
    expect(page.locator("h1")).to_have_count(1)
    expect(page.locator(".fr-header__service-title")).to_have_text("Fabrique")
    assert blocking_violations(page) == []

    page.keyboard.press("Tab")
    skip_link = page.get_by_role("link", name="Contenu")
    expect(skip_link).to_be_focused()
    page.keyboard.press("Enter")
    # The hash changes a moment after the key press: a waiting assertion, not a one-off read.
    expect(page).to_have_url(re.compile(r"#contenu$"))

    page.get_by_role("link", name="J'arrive dans la communauté").click()
    expect(page.locator("h1")).to_have_text("Parcours d'arrivée")
    assert not [m for m in console_log if m.startswith("[pageerror]")]


def test_main_menu_works_at_320px(page, site_url):
    page.set_viewport_size({"width": 320, "height": 640})
    page.goto(site_url + "/")
    page.get_by_role("button", name="Menu").click()
    navigation = page.get_by_role("navigation", name="Menu principal")
    navigation.get_by_role("link", name="Guides").click()
    expect(page.locator("h1")).to_have_text("Guides")
