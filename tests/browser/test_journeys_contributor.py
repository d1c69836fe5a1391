"""Contributor and moderator journeys: a member proposes a resource with a file from the public
site, sees it "en attente"; a moderator approves it in the Wagtail admin; it is then public and
found by the site search."""

import re

import pytest
from playwright.sync_api import expect

from resources.library.models import ResourcePage
from tests.browser.helpers import PASSWORD, log_in, make_user

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

TITLE = "Grille d'entretien pour les usagers des mairies"
PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


def contribute(page, site_url, tmp_path):
    page.goto(site_url + "/")
    page.get_by_role("link", name="Je contribue").click()
    page.get_by_role("link", name="Se connecter pour contribuer").click()
    log_in(page, make_user("contributrice", groups=["Membres"]))
    expect(page.locator("h1")).to_have_text("Contribuer")
    page.get_by_label("Titre de la ressource").fill(TITLE)
    page.get_by_label("Résumé").fill("Les questions que nous posons aux agents d'accueil des mairies.")
    page.get_by_label("Type de ressource").select_option(index=1)
    document = tmp_path / "grille-entretien.pdf"
    document.write_bytes(PDF)
    page.locator("input[type=file][name=file]").set_input_files(str(document))
    page.get_by_role("button", name="Envoyer ma proposition").click()
    expect(page.locator("main")).to_contain_text(TITLE)
    expect(page.locator("main")).to_contain_text(re.compile("en attente", re.IGNORECASE))


def moderate(browser, browser_context_args, site_url):
    moderator = make_user("moderatrice", groups=["Modérateurs"], member=False)
    context = browser.new_context(**browser_context_args)
    try:
        page = context.new_page()
        page.goto(site_url + "/admin/login/")
        page.locator("#id_username").fill(moderator.username)
        page.locator("#id_password").fill(PASSWORD)
        page.locator("form button[type=submit]").click()
        awaiting = page.locator("section, .w-panel", has_text="En attente de votre vérification").last
        row = awaiting.locator("tr", has_text=TITLE)
        row.get_by_role("button", name=re.compile("Actions|Plus")).click()
        row.get_by_role("button", name="Approuver", exact=True).click()
        page.wait_for_load_state()
        expect(page.get_by_text(TITLE)).to_have_count(0)
    finally:
        context.close()
    return moderator


def test_member_contributes_and_moderator_publishes(page, browser, browser_context_args, site_url, tmp_path):
    contribute(page, site_url, tmp_path)
    resource = ResourcePage.objects.get(title=TITLE)
    assert not resource.live
    assert resource.contributor.user.username == "contributrice"
    assert resource.document is not None
    assert resource.current_workflow_state.status == "in_progress"

    page.goto(site_url + "/recherche/?q=grille+entretien+mairies")
    expect(page.get_by_role("link", name=TITLE)).to_have_count(0)

    moderator = moderate(browser, browser_context_args, site_url)
    resource.refresh_from_db()
    assert resource.live
    assert resource.workflow_states.get().task_states.get().finished_by == moderator

    page.goto(site_url + "/recherche/?q=grille+entretien+mairies")
    page.get_by_role("link", name=TITLE).first.click()
    expect(page.locator("h1")).to_have_text(TITLE)
    expect(page.locator("main")).to_contain_text("Proposée par")
