"""XSS payloads in a group's name and purpose, in a thread title and in a mention run nothing in
Chromium: on the group list, the group's page, its management page, its threads, the search page
and the header's search suggestions (which now list thread titles), no dialog opens and the live
DOM carries no event handler nor script URL."""

import pytest

from community.groups.models import Invitation
from tests.browser.helpers import log_in
from tests.browser.test_xss_browser import DOM_PROBLEMS
from tests.community.discussions.factories import join, make_group, make_person, make_thread
from tests.xss import PAYLOADS, pack

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_payloads_in_group_names_purposes_and_mentions_run_nothing(page, site_url, console_log):
    names = pack(PAYLOADS, 120)
    groups = []
    for index, name in enumerate(names):
        group = make_group(f"piege-{index}", name=name)
        group.purpose = "\n".join(PAYLOADS)
        group.save()
        groups.append(group)
    coordinator = make_person("coline", "coline.dupre")
    mentioned = make_person("alice", "alice.martin")
    threads = []
    for group in groups:
        join(group, coordinator, coordinator=True)
        join(group, mentioned)
        body = "\n\n".join(f"@alice.martin {payload} @{payload}" for payload in PAYLOADS)
        threads.append(make_thread(group, coordinator, title="script " + pack(PAYLOADS, 180)[0], body=body))
    invitation = Invitation.objects.create(group=groups[0], email=mentioned.email, invited_by=coordinator)

    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(site_url + "/compte/connexion/")
    log_in(page, coordinator)
    page.wait_for_url(lambda address: "/compte/connexion/" not in address)
    paths = ["/groupes/", "/groupes/?tri=nom", "/recherche/?q=script"]
    for group, thread in zip(groups, threads, strict=True):
        paths += [
            group.get_absolute_url(),
            f"{group.get_absolute_url()}gestion/",
            f"{group.get_absolute_url()}modifier/",
            f"{group.get_absolute_url()}discussions/",
            thread.get_absolute_url(),
        ]
    for path in paths:
        page.goto(site_url + path)
        page.wait_for_load_state("networkidle")
        assert page.evaluate(DOM_PROBLEMS) == [], path
        for link in page.locator("main a[href]").all()[:20]:
            href = (link.get_attribute("href") or "").strip().lower()
            assert not href.startswith(("javascript:", "vbscript:", "data:")), (path, href)

    # The header's suggestions list thread titles full of payloads, as text.
    search = page.locator("#recherche-entete")
    search.fill("script")
    options = page.locator("#recherche-entete-suggestions [role=option]")
    options.first.wait_for()
    assert options.count() >= 1
    assert page.evaluate(DOM_PROBLEMS) == []

    # The invited member's box on /groupes/ and the invitation page.
    page.context.clear_cookies()
    page.goto(site_url + "/compte/connexion/")
    log_in(page, mentioned)
    page.wait_for_url(lambda address: "/compte/connexion/" not in address)
    for path in ("/groupes/", invitation.get_absolute_url()):
        page.goto(site_url + path)
        page.wait_for_load_state("networkidle")
        assert page.evaluate(DOM_PROBLEMS) == [], path
    assert dialogs == []
    assert not [message for message in console_log if message.startswith("[pageerror]")]
