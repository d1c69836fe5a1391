"""Calls' pages: the status follows the dates, the listing filters, the home banner and the iCal feed."""

import datetime

from django.core.exceptions import ValidationError

import pytest

from community.calls.models import CallLaureate
from community.calls.status import CLOSED, OPEN, UPCOMING, status_for
from tests.community.calls.factories import call, call_index
from tests.community.startups.factories import incubator, startup

pytestmark = pytest.mark.django_db

D = datetime.date


@pytest.mark.parametrize(
    ("today", "expected"),
    [
        (D(2026, 2, 28), UPCOMING),
        (D(2026, 3, 1), OPEN),  # opening day
        (D(2026, 3, 31), OPEN),  # the whole deadline day
        (D(2026, 4, 1), CLOSED),
    ],
)
def test_status_follows_the_dates(today, expected):
    assert status_for(D(2026, 3, 1), D(2026, 3, 31), today) == expected


def test_call_pages_show_their_status_and_only_an_open_call_offers_to_apply(client, home):
    opened = call(home, "ouvert", opens=-1, deadline=0)
    upcoming = call(home, "a-venir", opens=3, deadline=30)
    closed = call(home, "clos", opens=-30, deadline=-1)
    page = client.get(opened.url).content.decode()
    assert 'data-statut="ouvert"' in page and "Candidater" in page
    page = client.get(upcoming.url).content.decode()
    assert 'data-statut="a-venir"' in page and 'id="lien-candidater"' not in page
    page = client.get(closed.url).content.decode()
    assert 'data-statut="clos"' in page and "sont closes" in page


def test_a_deadline_before_the_opening_is_refused_in_french(home):
    page = call(home, "mal-date")
    page.deadline = page.opens_on - datetime.timedelta(days=1)
    with pytest.raises(ValidationError, match="La date limite doit suivre"):
        page.full_clean()


def test_listing_filters_by_incubator_and_status(client, home):
    dinum, other = incubator(home, "dinum", "Incubateur DINUM"), incubator(home, "autre", "Autre incubateur")
    call(home, "dinum-ouvert", incubator=dinum, title="Appel DINUM ouvert")
    call(home, "dinum-clos", incubator=dinum, opens=-40, deadline=-5, title="Appel DINUM clos")
    call(home, "autre-ouvert", incubator=other, title="Appel de l'autre")
    draft = call(home, "brouillon", incubator=dinum, title="Appel en brouillon")
    draft.unpublish()
    index = call_index(home)
    page = client.get(index.url, {"incubateur": "dinum", "statut": "ouvert"}).content.decode()
    assert "Appel DINUM ouvert" in page
    assert "Appel DINUM clos" not in page and "Appel de l&#x27;autre" not in page
    page = client.get(index.url).content.decode()
    assert "Appel de l&#x27;autre" in page and "Appel DINUM clos" in page
    assert "Appel en brouillon" not in page


def test_the_home_banner_shows_only_while_a_call_is_open(client, home):
    upcoming = call(home, "bientot", opens=2, deadline=20, title="Appel bientôt ouvert")
    assert 'id="appels-ouverts"' not in client.get(home.url).content.decode()
    upcoming.opens_on = datetime.date.today() - datetime.timedelta(days=1)
    upcoming.save_revision().publish()
    page = client.get(home.url).content.decode()
    assert 'id="appels-ouverts"' in page and "Appel bientôt ouvert" in page


def test_laureates_link_to_their_startup_only_when_it_is_public(client, home):
    public = startup(home, "Cantine locale")
    hidden = startup(home, "Projet discret")
    hidden.unpublish()
    page = call(home, "session-automne", opens=-200, deadline=-160)
    CallLaureate.objects.create(call=page, name="Des repas locaux", startup=public, sort_order=0)
    CallLaureate.objects.create(call=page, name="Un projet en cours", startup=hidden, sort_order=1)
    content = client.get(page.url).content.decode()
    assert "Des repas locaux" in content and public.url in content
    assert "Un projet en cours" in content and "Projet discret" not in content


def test_ical_feed_lists_deadlines_as_valid_events(client, home):
    dinum = incubator(home, "dinum", "Incubateur DINUM")
    call(home, "printemps", incubator=dinum, deadline=20, jury=30, title="Appel, printemps; session")
    hidden = call(home, "cache", title="Appel non publié")
    hidden.unpublish()
    response = client.get(call_index(home).url + "calendrier/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    body = response.content.decode()
    assert body.startswith("BEGIN:VCALENDAR\r\n") and body.endswith("END:VCALENDAR\r\n")
    assert all(len(line.encode()) <= 75 for line in body.split("\r\n"))
    unfolded = body.replace("\r\n ", "")
    events = unfolded.split("BEGIN:VEVENT\r\n")[1:]
    assert len(events) == 2  # the deadline and the jury; the draft call is absent
    for event in events:
        props = dict(line.split(":", 1) for line in event.split("\r\n") if ":" in line)
        assert {"UID", "DTSTAMP", "DTSTART;VALUE=DATE", "DTEND;VALUE=DATE", "SUMMARY"} <= props.keys()
    assert "Date limite : Appel\\, printemps\\; session (Incubateur DINUM)" in unfolded
    assert "Appel non publié" not in unfolded
    assert unfolded.count("BEGIN:") == unfolded.count("END:")
