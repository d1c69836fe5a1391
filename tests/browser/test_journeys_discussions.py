"""Discussion journey in Chromium: a member finds a group, joins it, asks a question mentioning a
colleague, who answers; the author marks it resolved. Then a thread full of XSS payloads opens no
dialog and its live DOM carries no handler or script URL."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.helpers import log_in
from tests.browser.test_xss_browser import DOM_PROBLEMS
from tests.community.discussions.factories import join, make_group, make_person, make_thread
from tests.xss import PAYLOADS, pack

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

QUESTION = "Comment organiser un atelier de co-conception ?"


def log_in_at(page, url, user):
    page.goto(url)
    log_in(page, user)
    page.wait_for_url(lambda address: "/compte/connexion/" not in address)


def test_a_member_asks_a_peer_and_marks_the_question_resolved(page, site_url, console_log):
    group = make_group("design-des-services", name="Design des services publics")
    coordinator = join(group, make_person("coline", "coline.dupre"), coordinator=True)
    asker = make_person("amina", "amina.diallo")
    helper = make_person("hugo", "hugo.bernard")
    join(group, helper)
    assert coordinator.pk

    log_in_at(page, site_url + "/compte/connexion/?next=/groupes/", asker)
    page.get_by_role("link", name="Design des services publics").first.click()
    expect(page.locator("h1")).to_have_text("Design des services publics")
    page.get_by_role("button", name="Rejoindre le groupe").click()
    expect(page.get_by_role("button", name="Quitter le groupe")).to_be_visible()

    page.get_by_role("link", name="Ouvrir un fil").click()
    page.get_by_label("Titre").fill(QUESTION)
    page.locator("label", has_text="Question").click()
    page.get_by_label("Message").fill("Bonjour, des conseils ? @hugo.bernard tu en as animé un.")
    page.get_by_role("button", name="Publier").click()
    expect(page.locator("h1")).to_have_text(QUESTION)
    expect(page.locator("a.mention")).to_have_attribute("href", "/membres/hugo.bernard/")
    thread_url = page.url
    page.context.clear_cookies()

    log_in_at(page, site_url + "/compte/connexion/", helper)
    page.goto(thread_url)
    page.get_by_label("Message").fill("Oui : prévoir **deux heures** et des usagers invités.")
    page.get_by_role("button", name="Envoyer ma réponse").click()
    expect(page.locator(".discussions-message")).to_have_count(2)
    expect(page.locator(".discussions-message strong")).to_have_text("deux heures")
    page.context.clear_cookies()

    log_in_at(page, site_url + "/compte/connexion/", asker)
    page.goto(thread_url)
    page.get_by_role("button", name="Marquer comme résolu").click()
    expect(page.locator("article[data-thread]")).to_have_attribute("data-resolved", "oui")
    expect(page.locator("#resolu")).to_have_text("Résolu")
    assert not [m for m in console_log if m.startswith("[pageerror]")]


def test_a_thread_full_of_payloads_runs_nothing(page, site_url, console_log):
    group = make_group("piege")
    author = join(group, make_person("alice", "alice.martin"))
    body = "\n\n".join(f"@alice.martin {payload} [lien]({payload})" for payload in PAYLOADS)
    thread = make_thread(group, author, title=pack(PAYLOADS, 200)[0], body=body)
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    for path in (thread.get_absolute_url(), f"/groupes/{group.slug}/discussions/", "/recherche/?q=script"):
        page.goto(site_url + path)
        page.wait_for_load_state("networkidle")
        assert page.evaluate(DOM_PROBLEMS) == [], path
    page.goto(site_url + thread.get_absolute_url())
    for link in page.locator(".discussions-body a").all()[:20]:
        href = link.get_attribute("href") or ""
        assert not re.match(r"\s*(javascript|vbscript|data):", href, re.IGNORECASE)
    assert dialogs == []
