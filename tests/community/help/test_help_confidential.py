"""Confidential situations (épuisement, violence ou harcèlement) leave no trace of who looked: no row
written, no cookie, no log line, no audience measurement; outside help numbers come first."""

import logging

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from community.help.models import HelpOutcome
from tests.community.help.factories import HelpSituationFactory, add_contact, add_number
from tests.community.members.factories import make_user

pytestmark = pytest.mark.django_db

WRITES = ("INSERT", "UPDATE", "DELETE")


@pytest.fixture
def burnout(db):
    situation = HelpSituationFactory(title="Épuisement", slug="epuisement", confidential=True)
    add_number(situation, "Numéro national de prévention du suicide", "3114", sort_order=0)
    add_number(situation, "Cellule d'écoute du ministère", "01 00 00 00 00", to_configure=True, sort_order=1)
    add_contact(situation, "Médecine du travail")
    return situation


def visit(client, situation):
    # A first page of the site makes its settings rows (site identity): site configuration, not a trace.
    client.get("/vers-qui-me-tourner/")
    with CaptureQueriesContext(connection) as queries:
        response = client.get(f"/vers-qui-me-tourner/{situation.slug}/")
    assert response.status_code == 200
    writes = [q["sql"] for q in queries.captured_queries if q["sql"].lstrip().upper().startswith(WRITES)]
    return response, writes


@pytest.mark.parametrize("logged_in", [False, True], ids=["anonyme", "membre"])
def test_confidential_situation_records_nothing(client, burnout, settings, caplog, logged_in):
    settings.FABRIQUE_MATOMO_ENABLED = True
    settings.FABRIQUE_MATOMO_URL, settings.FABRIQUE_MATOMO_SITE_ID = "https://stats.example.org", "12"
    user = make_user("discrete", email="discrete@beta.gouv.fr")
    if logged_in:
        client.force_login(user)
    caplog.set_level(logging.DEBUG)
    caplog.clear()
    response, writes = visit(client, burnout)
    assert writes == []  # no row created or changed, whoever reads
    assert not response.cookies  # no Set-Cookie: no session, no CSRF token, no analytics cookie
    assert "matomo" not in response.content.decode().lower()  # no audience measurement
    assert 'id="recommandation"' not in response.content.decode()  # nor the members' NPS question
    assert "no-store" in response["Cache-Control"]
    assert response["Referrer-Policy"] == "no-referrer"
    for record in caplog.records:
        message = record.getMessage()
        assert "discrete" not in message and str(user.pk) not in message.split()
        assert not record.name.startswith("community.help")


def test_confidential_situation_shows_help_numbers_first_and_no_answer_form(client, burnout):
    response, _ = visit(client, burnout)
    html = response.content.decode()
    assert html.index("3114") < html.index("Médecine du travail")
    assert html.index("3114") < html.index("01 00 00 00 00")
    assert "À configurer" in html
    assert "csrfmiddlewaretoken" not in html and "Ça m'a aidé" not in html


def test_no_answer_is_ever_recorded_on_a_confidential_situation(client, burnout):
    response = client.post(f"/vers-qui-me-tourner/{burnout.slug}/bilan/", {"helped": "oui"})
    assert response.status_code == 404
    assert not HelpOutcome.objects.exists()


def test_index_and_confidential_pages_are_never_stored_in_the_page_cache(settings):
    assert "/vers-qui-me-tourner/".startswith(settings.FABRIQUE_PAGE_CACHE_EXCLUDED_PREFIXES)
