"""Under the real Content-Security-Policy, DSFR's JavaScript, ours and the Wagtail admin still work.

Chromium reports every blocked script, style or frame as a console error ("… violates the
following Content Security Policy directive …"): each test fails on any such message.
"""

import json
import re

import pytest
from playwright.sync_api import expect

from tests.browser.test_journeys_coach import admin_log_in
from tests.community.members.factories import make_user

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def csp_violations(console_log):
    return [message for message in console_log if "Content Security Policy" in message]


def guide_with(block_type):
    from resources.guides.models import GuidePage

    for guide in GuidePage.objects.live().order_by("path"):
        if f'"type": "{block_type}"' in json.dumps(list(guide.body.raw_data)):
            return guide
    raise AssertionError(f"aucun guide de la démo n'a de bloc {block_type}")


def test_dsfr_components_and_our_scripts_work_under_the_strict_policy(page, site_url, console_log):
    response = page.goto(site_url + "/")
    # django-csp joins the directives in no fixed order: compare them as a set.
    policy = {part.strip() for part in response.headers["content-security-policy"].split(";")}
    assert "script-src 'self'" in policy, policy

    # Display settings modal (DSFR JS): opens, and the dark theme applies.
    page.get_by_role("button", name="Paramètres d’affichage").click()
    dialog = page.get_by_role("dialog", name="Paramètres d’affichage")
    expect(dialog).to_be_visible()
    dialog.get_by_text("Thème sombre").click()
    expect(page.locator("html")).to_have_attribute("data-fr-theme", "dark")
    dialog.get_by_role("button", name="Fermer").click()
    expect(dialog).to_be_hidden()

    # Header search suggestions (static/js/search-suggestions.js, fetch to our own origin).
    search = page.get_by_role("combobox", name="Rechercher sur le site").first
    search.press_sequentially("guide")
    expect(page.get_by_role("listbox", name="Suggestions").get_by_role("option").first).to_be_visible()

    # Accordion and tabs of the guides (DSFR JS).
    page.goto(site_url + guide_with("accordion").url)
    accordion = page.locator(".fr-accordion__btn").first
    accordion.click()
    expect(accordion).to_have_attribute("aria-expanded", "true")
    page.goto(site_url + guide_with("tabs").url)
    second_tab = page.get_by_role("tab").nth(1)
    second_tab.click()
    expect(second_tab).to_have_attribute("aria-selected", "true")

    # Key figures: the bars are SVG, drawn without inline style.
    page.goto(site_url + "/chiffres/")
    # The startups' chart by phase: the community's figures may have empty bars on a fresh site.
    bar = page.locator('figure[aria-labelledby="par-phase-titre"] rect.chart__bar').first
    expect(bar).to_be_visible()
    assert bar.bounding_box()["width"] > 0

    assert csp_violations(console_log) == []


def test_main_menu_at_mobile_width_under_the_strict_policy(page, site_url, console_log):
    page.set_viewport_size({"width": 320, "height": 640})
    page.goto(site_url + "/")
    page.get_by_role("button", name="Menu").click()
    expect(page.get_by_role("navigation", name="Menu principal")).to_be_visible()
    assert csp_violations(console_log) == []


def test_wagtail_admin_editor_works_under_its_policy(page, site_url, console_log):
    coach = make_user("coach.csp", ["Coachs"])
    admin_log_in(page, site_url, coach)
    guide = guide_with("accordion")
    response = page.goto(site_url + f"/admin/pages/{guide.pk}/edit/")
    assert "'unsafe-inline'" in response.headers["content-security-policy"]
    expect(page.locator("#id_title")).to_have_value(guide.title)
    # The live preview panel: the page rendered in an iframe of the editor (frame-ancestors 'self').
    # Opening the panel posts the form, then the iframe loads the rendered page: wait for each
    # step by its event, not by the 5-second default, which a loaded machine overruns.
    with page.expect_response(lambda r: "/preview/" in r.url and r.request.method == "POST"):
        page.get_by_role("button", name=re.compile("prévisualisation", re.IGNORECASE)).first.click()
    preview = page.frame_locator("#w-preview-iframe")
    expect(preview.locator("h1")).to_contain_text(guide.title, timeout=30_000)
    assert csp_violations(console_log) == []
