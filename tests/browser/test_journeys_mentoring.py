"""Mentoring journey: a member finds a mentor, sends a request through the site, the mentor accepts.

Built with factories (no demo): the live server serves a home page and the small network of
tests/community/mentoring/factories.py. Assertions wait on DOM attributes (`data-status`).
"""

import re

from wagtail.models import Site

import pytest
from playwright.sync_api import expect

from community.mentoring.models import MentoringRequest
from tests.browser.helpers import log_in
from tests.community.mentoring.factories import build_network
from tests.home.factories import make_home

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def network_url(live_server):
    home = make_home(title="Accueil")
    host, port = live_server.url.removeprefix("http://").split(":")
    Site.objects.filter(is_default_site=True).update(hostname=host, port=int(port))
    return live_server.url, build_network(home)


def test_a_member_finds_a_mentor_who_accepts(page, network_url, console_log):
    url, network = network_url
    seeker, mentor = network["seeker"], network["mentor"]
    page.goto(url + "/mentorat/")
    log_in(page, seeker.user)
    expect(page.locator("h1")).to_have_text("Trouver un·e mentor")
    card = page.locator(f'[data-mentor="{mentor.slug}"]')
    expect(card).to_contain_text("A vécu deux comités d'investissement")
    expect(page.locator("#nombre-suggestions")).to_have_attribute("data-count", "1")
    card.get_by_role("link", name=re.compile("^Demander un échange")).click()
    page.get_by_label("Votre message").fill("Bonjour Léa, nous préparons notre comité d'accélération.")
    page.get_by_role("button", name="Envoyer ma demande").click()
    expect(page.locator("#demandes-envoyees [data-status]")).to_have_attribute("data-status", "en_attente")
    assert mentor.user.email not in page.content()

    page.context.clear_cookies()
    page.goto(url + "/mentorat/demandes/")
    log_in(page, mentor.user)
    received = page.locator("#demandes-recues [data-status]")
    expect(received).to_have_attribute("data-status", "en_attente")
    expect(received).to_contain_text("nous préparons notre comité")
    received.get_by_role("button", name=re.compile("^Accepter")).click()
    expect(page.locator("#demandes-recues [data-status]")).to_have_attribute("data-status", "acceptee")
    assert MentoringRequest.objects.get().status == MentoringRequest.ACCEPTED
    assert not [m for m in console_log if m.startswith("[pageerror]")]
