"""Newcomer journey: from the home page to a path, logged in, ticking steps moves the progress bar."""

import re

import pytest
from playwright.sync_api import expect

from community.onboarding.models import OnboardingProgress
from tests.browser.helpers import PASSWORD, log_in, make_user, tab_to

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

PATH_TITLE = "Parcours d'arrivée des intrapreneur·es"


def progress_text(page):
    return page.locator("[data-progress-text]").first.inner_text()


def test_newcomer_chooses_a_path_logs_in_and_ticks_two_steps(page, site_url, console_log):
    user = make_user("nouvelle", email="nouvelle@beta.gouv.fr")
    page.goto(site_url + "/")
    page.get_by_role("link", name="J'arrive dans la communauté").click()
    page.locator("label[for=role-intrapreneur]").click()  # DSFR draws the radio on the label
    page.get_by_role("button", name="Voir mon parcours").click()
    expect(page.locator("h1")).to_have_text(PATH_TITLE)

    page.get_by_role("link", name="Se connecter pour suivre ma progression").click()
    log_in(page, user)
    expect(page.locator("h1")).to_have_text(PATH_TITLE)
    expect(page.locator("[data-progress-text]").first).to_contain_text("0 étape faite sur")
    bar = page.locator("progress.onboarding-progression__barre").first
    assert bar.get_attribute("value") == "0"

    page.get_by_role("button", name=re.compile("Marquer « Créer votre compte membre »")).click()
    expect(page.locator("[data-progress-text]").first).to_contain_text("1 étape faite sur")
    page.get_by_role("button", name=re.compile("Marquer « Rencontrer votre coach »")).click()
    expect(page.locator("[data-progress-text]").first).to_contain_text("2 étapes faites sur")
    expect(page.get_by_role("button", name=re.compile("Remettre « Rencontrer votre coach »"))).to_be_visible()
    assert int(bar.evaluate("bar => bar.value")) > 0

    page.reload()  # the ticks were saved, not only shown
    expect(page.locator("[data-progress-text]").first).to_contain_text("2 étapes faites sur")
    done = set(OnboardingProgress.objects.filter(user=user).values_list("step__title", flat=True))
    assert done == {"Créer votre compte membre", "Rencontrer votre coach"}
    assert not [m for m in console_log if m.startswith("[pageerror]")]


def test_newcomer_journey_with_the_keyboard_alone(page, site_url, console_log):
    user = make_user("clavier", email="clavier@beta.gouv.fr")
    page.goto(site_url + "/")
    keyboard = page.keyboard

    tab_to(page, 'el => el.textContent.trim() === "J\'arrive dans la communauté"')
    keyboard.press("Enter")
    expect(page.locator("h1")).to_have_text("Parcours d'arrivée")
    tab_to(page, "el => el.type === 'radio'")
    # Arrow keys move within a radio group; find "Intrapreneur·e" there.
    for _ in range(10):
        if page.evaluate("document.activeElement.value") == "intrapreneur":
            break
        keyboard.press("ArrowDown")
    keyboard.press("Space")
    expect(page.locator("#role-intrapreneur")).to_be_checked()
    tab_to(page, "el => el.textContent.trim() === 'Voir mon parcours'")
    keyboard.press("Enter")
    expect(page.locator("h1")).to_have_text(PATH_TITLE)

    tab_to(page, "el => el.textContent.trim() === 'Se connecter pour suivre ma progression'")
    keyboard.press("Enter")
    expect(page.locator("h1")).to_contain_text("Se connecter")
    tab_to(page, "el => el.id === 'id_login'")
    keyboard.type(user.email)
    keyboard.press("Tab")
    keyboard.type(PASSWORD)
    keyboard.press("Enter")
    expect(page.locator("h1")).to_have_text(PATH_TITLE)
    expect(page.locator("[data-progress-text]").first).to_contain_text("0 étape faite sur")

    ticks = (("Créer votre compte membre", "1 étape faite"), ("Rencontrer votre coach", "2 étapes"))
    for step, expected in ticks:
        tab_to(page, f"el => el.textContent.includes('Marquer « {step} »')")
        keyboard.press("Enter")
        expect(page.locator("[data-progress-text]").first).to_contain_text(expected)
    assert OnboardingProgress.objects.filter(user=user).count() == 2
    assert not [m for m in console_log if m.startswith("[pageerror]")]
