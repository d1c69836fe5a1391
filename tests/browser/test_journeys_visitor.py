"""Visitor journey: the startup directory filtered by phase and incubator, a startup's phase timeline."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_visitor_filters_startups_and_reads_a_phase_timeline(page, site_url, console_log):
    page.goto(site_url + "/")
    page.get_by_role("navigation", name="Menu principal").get_by_role("link", name="Startups").click()
    expect(page.locator("h1")).to_have_text("Startups")
    cards = page.locator(".fr-card__title")
    expect(cards).to_have_count(4)

    # DSFR draws the checkboxes on their labels: a visitor clicks the label.
    page.locator("#facette-phase label", has_text="Construction").click()
    page.locator("#facette-incubateur label", has_text="Fabrique des territoires").click()
    page.get_by_role("button", name="Filtrer").click()
    expect(page).to_have_url(re.compile(r"phase=construction.*incubateur=fabrique-des-territoires"))
    expect(page.locator("#resultats")).to_have_text("1 startup")
    expect(cards).to_have_count(1)
    expect(page.locator("#phase-construction")).to_be_checked()

    page.get_by_role("link", name="Cantine locale").click()
    expect(page.locator("h1")).to_have_text("Cantine locale")
    timeline = page.locator("ol.startup-timeline")
    expect(page.get_by_role("heading", name="Phases", exact=True)).to_be_visible()
    expect(timeline.locator("li")).to_have_count(2)
    current = timeline.locator(".startup-timeline__item--current")
    expect(current).to_contain_text("Construction")
    expect(current).to_contain_text("phase actuelle")  # the state is written, not only coloured
    assert not [m for m in console_log if m.startswith("[pageerror]")]
