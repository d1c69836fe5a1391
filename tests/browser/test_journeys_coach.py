"""Coach journey: a guide written in the Wagtail admin, reviewed by another coach, then live.

The guide index carries the "Relecture coach" workflow (community/editorial.py): a coach submits,
another coach approves from the admin dashboard, and the page goes live with its table of contents.
"""

import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from resources.guides.models import GuidePage
from tests.browser.helpers import PASSWORD, make_user

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

TITLE = "Préparer sa première démo"
WATCHING_EDITS_SCRIPT = Path(__file__).with_name("watching_edits.js")


def admin_log_in(page, site_url, user):
    page.goto(site_url + "/admin/login/")
    page.locator("#id_username").fill(user.username)
    page.locator("#id_password").fill(PASSWORD)
    page.locator("form button[type=submit]").click()
    expect(page.get_by_role("heading", name="Fabrique", level=1)).to_be_visible()


def add_block(page, label):
    """The "+" under the last block of the body, then the block type in the chooser."""
    page.locator("[data-contentpath=body] button[title='Insérer un bloc']").last.click()
    page.get_by_role("option", name=label, exact=True).click()


def autosave_indicator(page):
    return page.locator("#w-autosave-indicator")


def write_guide(page):
    page.locator("#id_title").fill(TITLE)
    page.locator("#id_intro").fill("Montrer le produit plutôt que des diapositives.")
    # Wagtail derives the slug from the title when the title loses focus, in the browser; on a
    # loaded machine that lags behind the next clicks, and a submit before it fails validation.
    expect(page.locator("#id_slug")).to_have_value("preparer-sa-premiere-demo")
    # Wagtail 8 autosaves a changed form: the first autosave creates the page, then turns this page
    # into its edit form (address, then the form's parts). Until that round trip ends the form still
    # creates, so a submit then creates the page again and fails on the slug now taken (a loaded
    # machine made that window seconds long). The coach sees « Enregistré » before going on.
    expect(page).to_have_url(re.compile(r"/admin/pages/\d+/edit/"))
    expect(autosave_indicator(page)).to_have_attribute("data-w-autosave-state-value", "saved")
    add_block(page, "Titre de section")
    page.locator("#body-0-value-text").fill("Avant la démo")
    add_block(page, "Mise en avant")
    page.locator("#body-1-value-style").select_option(label="Attention")
    page.locator("#body-1-value-title").fill("À retenir")
    # The callout's text is a Draftail rich text editor: a coach types into it.
    page.locator("[data-contentpath=text]", has=page.locator("#body-1-value-text")).locator(
        "[contenteditable=true]"
    ).click()
    page.keyboard.type("Prévenez votre coach une semaine avant la démo.")
    add_block(page, "Grille de cartes")
    page.locator("#body-2-value-title").fill("Pour aller plus loin")
    page.locator("#body-2-value-cards-0-value-title").fill("Tous les guides")
    page.locator("#body-2-value-cards-0-value-url").fill("/guides/")


def test_coach_writes_a_guide_another_coach_approves_it(
    page, browser, browser_context_args, site_url, console_log
):
    author = make_user("coach-autrice", groups=["Coachs"], member=False)
    reviewer = make_user("coach-relecteur", groups=["Coachs"], member=False)

    page.add_init_script(path=WATCHING_EDITS_SCRIPT)
    admin_log_in(page, site_url, author)
    page.get_by_role("button", name="Pages").click()
    page.get_by_role("link", name="Guides", exact=True).click()
    page.locator("header a[href$='/add_subpage/']").first.click()  # the "+" next to the title
    # The editor's scripts (which derive the slug from the title) must run before the coach types:
    # filling the form as soon as its HTML is parsed raced them on a loaded machine.
    page.wait_for_url(re.compile(r"/add/guides/guidepage/"))
    page.wait_for_load_state("load")
    # Wagtail compares the form with a copy it takes 2 s after its change detector connects; an edit
    # made before that copy is never autosaved (nor seen as a change). The detector connects twice
    # (again when the form's one-off initialiser removes itself), each time scheduling a copy: a
    # coach who types between the two copies loses the edit to the second. Typing starts once every
    # scheduled copy is taken (watching_edits.js).
    expect(page.locator("html[data-fabrique-watching-edits=oui]")).to_have_count(1)
    write_guide(page)
    # The last changes' autosave may be on its way: submit once it has answered.
    expect(autosave_indicator(page)).not_to_have_attribute("data-w-autosave-state-value", "saving")
    page.get_by_role("button", name="Plus d'actions").click()
    page.get_by_role("button", name="Soumettre à Relecture coach").click()
    expect(page.locator(".messages")).to_contain_text("soumise")
    guide = GuidePage.objects.get(title=TITLE)
    assert not guide.live
    assert guide.current_workflow_state.status == "in_progress"

    review = browser.new_context(**browser_context_args)
    try:
        reviewer_page = review.new_page()
        admin_log_in(reviewer_page, site_url, reviewer)
        awaiting = reviewer_page.locator(
            "section, .w-panel", has_text="En attente de votre vérification"
        ).last
        row = awaiting.locator("tr", has_text=TITLE)
        row.get_by_role("button", name=re.compile("Actions|Plus")).click()
        row.get_by_role("button", name="Approuver", exact=True).click()
        reviewer_page.wait_for_load_state()
        expect(reviewer_page.get_by_text(TITLE)).to_have_count(0)  # nothing left to review
    finally:
        review.close()
    guide.refresh_from_db()
    assert guide.live
    state = guide.workflow_states.get()
    assert state.status == "approved"
    assert state.task_states.get().finished_by == reviewer

    visitor = browser.new_context(**browser_context_args)
    try:
        anonymous = visitor.new_page()
        anonymous.goto(site_url + "/guides/")
        anonymous.get_by_role("link", name=TITLE).first.click()
        expect(anonymous.locator("h1")).to_contain_text(TITLE)
        toc = anonymous.get_by_role("navigation", name="Sommaire")
        expect(toc.get_by_role("link", name="Avant la démo")).to_be_visible()
        expect(anonymous.locator(".fr-callout")).to_contain_text("Prévenez votre coach une semaine avant")
        expect(anonymous.locator(".fr-card", has_text="Tous les guides")).to_be_visible()
    finally:
        visitor.close()
