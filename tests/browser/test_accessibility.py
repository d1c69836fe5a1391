"""Accessibility of the key pages in Chromium: axe-core, headings, labels, focus, reflow.

All pages are checked in one test per concern (the demo content is loaded once per test), and every
problem of every page is reported together so that one run shows everything to fix.
"""

import pytest

from tests.browser import a11y
from tests.browser.pages import KEY_PAGES

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

# 1280 px at 200 % zoom lays out like a 640 px wide window (WCAG 1.4.10 reflow).
ZOOMED_WIDTH = 640
NARROW_WIDTH = 320


def show_signup_errors(page):
    """Submits the sign-up form with passwords that do not match, so the errors are shown."""
    page.locator("#id_first_name").fill("Camille")
    page.locator("#id_last_name").fill("Martin")
    page.locator("#id_email").fill("camille@beta.gouv.fr")
    page.locator("#id_password1").fill("un-mot-de-passe-solide-42")
    page.locator("#id_password2").fill("un-autre-mot-de-passe-43")
    page.locator("main form button[type=submit]").click()
    page.wait_for_selector(".fr-error-text, .fr-message--error, .fr-alert--error")


def visit_all(page, site_url):
    """Yields (name, page) for each key page, then the sign-up form with its errors shown."""
    for name, path in KEY_PAGES.items():
        page.goto(site_url + path)
        yield name
    page.goto(site_url + KEY_PAGES["inscription"])
    show_signup_errors(page)
    yield "inscription avec erreurs"


def report(problems):
    return "\n".join(f"{name} : {problem}" for name, found in problems.items() for problem in found)


def test_key_pages_have_no_serious_violation_and_a_sound_structure(page, site_url, console_log):
    problems = {}
    for name in visit_all(page, site_url):
        problems[name] = (
            a11y.blocking_violations(page) + a11y.heading_problems(page) + a11y.unlabelled_fields(page)
        )
        problems[name] += [m for m in console_log if m.startswith("[pageerror]")]
        console_log.clear()
    assert not report(problems), "\n" + report(problems)


def test_key_pages_show_focus_and_reflow_at_320px_and_200_percent(page, site_url, console_log):
    problems = {}
    for name in visit_all(page, site_url):
        problems[name] = a11y.invisible_focus(page)
        for width in (NARROW_WIDTH, ZOOMED_WIDTH):
            page.set_viewport_size({"width": width, "height": 800})
            problems[name] += a11y.horizontal_overflow(page, width)
        page.set_viewport_size({"width": 1280, "height": 800})
    assert not report(problems), "\n" + report(problems)


def test_contribution_form_with_errors_is_accessible(page, site_url, console_log):
    """The member's contribution form, then the same form showing its errors after a bad submit."""
    from tests.browser.helpers import log_in, make_user

    page.goto(site_url + KEY_PAGES["contribution"])
    page.get_by_role("link", name="Se connecter pour contribuer").click()
    log_in(page, make_user("contributeur-a11y", groups=["Membres"]))
    problems = {}
    problems["formulaire de contribution"] = (
        a11y.blocking_violations(page) + a11y.heading_problems(page) + a11y.unlabelled_fields(page)
    )
    # A title and a summary but neither a file nor a link: the server explains what is missing.
    page.get_by_label("Titre de la ressource").fill("Une ressource sans fichier ni lien")
    page.get_by_label("Résumé").fill("Un résumé.")
    page.get_by_label("Type de ressource").select_option(index=1)
    page.get_by_role("button", name="Envoyer ma proposition").click()
    page.wait_for_selector(".fr-error-text, .fr-alert--error")
    assert page.get_by_label("Titre de la ressource").input_value() == "Une ressource sans fichier ni lien"
    problems["formulaire de contribution avec erreurs"] = (
        a11y.blocking_violations(page) + a11y.heading_problems(page) + a11y.unlabelled_fields(page)
    )
    page.set_viewport_size({"width": NARROW_WIDTH, "height": 800})
    problems["formulaire de contribution avec erreurs"] += a11y.horizontal_overflow(page, NARROW_WIDTH)
    problems["console"] = [m for m in console_log if m.startswith("[pageerror]")]
    assert not report(problems), "\n" + report(problems)
