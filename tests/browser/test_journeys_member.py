"""Member journey: header search with suggestions, phase facet, a resource, its document downloaded.

Suggestions match the beginning of title words, so they show while the member is still typing
("recrut…" finds "recruter") and the submitted search ("recrutement") goes through French stemming.
"""

import re

from wagtail.documents import get_document_model

import pytest
from playwright.sync_api import expect

from tests.browser.helpers import tab_to

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

RESOURCE = "Modèle de fiche de poste pour recruter un développeur"


def assert_downloaded(download):
    # Each test reloads the demo into the same media folder, so storage may suffix the name.
    assert re.fullmatch(r"fiche-de-poste-developpeur(_\w+)?\.md", download.suggested_filename)
    document = get_document_model().objects.get(file__endswith=download.suggested_filename)
    content = download.path().read_bytes()
    assert len(content) == document.file.size > 100
    assert "développeur".encode() in content


def test_member_searches_filters_by_phase_and_downloads_a_resource(page, site_url, console_log):
    page.goto(site_url + "/")
    search = page.get_by_role("combobox", name="Rechercher sur le site").first
    search.press_sequentially("recru", delay=30)
    suggestions = page.get_by_role("listbox", name="Suggestions")
    expect(suggestions.get_by_role("option", name=re.compile(RESOURCE))).to_be_visible()
    search.press_sequentially("tement", delay=30)
    search.press("Enter")

    expect(page.locator("h1")).to_have_text("Rechercher")
    results = page.locator("#resultats")
    expect(results).to_contain_text("pour « recrutement »")
    before = int(results.inner_text().split()[0])
    phase = page.locator("#facette-phase")
    phase.locator("label", has_text="Construction").click()  # DSFR draws the checkbox on the label
    page.get_by_role("button", name="Filtrer").click()
    expect(page).to_have_url(re.compile(r"phase=construction"))
    expect(results).to_contain_text("1 résultat pour")
    assert before > 1

    page.get_by_role("link", name=RESOURCE).click()
    expect(page.locator("h1")).to_have_text(RESOURCE)
    with page.expect_download() as info:
        page.get_by_role("link", name=re.compile("^Télécharger")).click()
    assert_downloaded(info.value)
    assert not [m for m in console_log if m.startswith("[pageerror]")]


def test_member_journey_with_the_keyboard_alone(page, site_url, console_log):
    page.goto(site_url + "/")
    keyboard = page.keyboard
    tab_to(page, "el => el.id === 'recherche-entete'")
    keyboard.type("recru", delay=30)
    expect(page.get_by_role("option", name=re.compile(RESOURCE))).to_be_visible()
    keyboard.type("tement", delay=30)
    keyboard.press("Enter")
    expect(page.locator("#resultats")).to_contain_text("pour « recrutement »")

    tab_to(page, "el => el.id === 'phase-construction'")
    keyboard.press("Space")
    expect(page.locator("#phase-construction")).to_be_checked()
    tab_to(page, "el => el.textContent.trim() === 'Filtrer'")
    keyboard.press("Enter")
    expect(page.locator("#resultats")).to_contain_text("1 résultat pour")

    tab_to(page, f"el => el.textContent.trim() === '{RESOURCE}'")
    keyboard.press("Enter")
    expect(page.locator("h1")).to_have_text(RESOURCE)
    tab_to(page, "el => el.textContent.trim().startsWith('Télécharger')")
    with page.expect_download() as info:
        keyboard.press("Enter")
    assert_downloaded(info.value)
    assert not [m for m in console_log if m.startswith("[pageerror]")]
