"""Startup, incubator and key figures pages: timeline, team, figures that match the database, demo."""

import datetime

from django.core.management import call_command

from wagtail.models import Revision

import pytest
from bs4 import BeautifulSoup

from community.members.models import Member, Mission
from community.startups import figures
from community.startups.models import StartupPage, StartupPhase
from home.models import KeyFiguresPage
from tests.community.startups.factories import incubator, startup
from tests.core.factories import published_child
from tests.core.taxonomy.factories import PhaseFactory, ThematiqueFactory

pytestmark = pytest.mark.django_db


def soup_of(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return BeautifulSoup(response.content, "html.parser")


def test_timeline_shows_phases_in_date_order_with_the_current_one_named(client, home):
    investigation = PhaseFactory(slug="investigation", name="Investigation")
    construction = PhaseFactory(slug="construction", name="Construction")
    acceleration = PhaseFactory(slug="acceleration", name="Accélération")
    future = (datetime.date.today() + datetime.timedelta(days=400)).isoformat()
    page = startup(
        home,
        "Frise",
        phases=[(construction, "2023-03-01"), (investigation, "2022-01-01"), (acceleration, future)],
    )
    assert page.current_phase == construction
    soup = soup_of(client, page.url)
    items = soup.select(".startup-timeline__item")
    assert [item.h3.get_text(" ", strip=True).split()[0] for item in items] == [
        "Investigation",
        "Construction",
        "Accélération",
    ]
    assert [item["class"][1] for item in items] == [
        "startup-timeline__item--past",
        "startup-timeline__item--current",
        "startup-timeline__item--future",
    ]
    assert "phase actuelle" in items[1].get_text()  # the state is written, not only coloured
    assert "à venir" in items[2].get_text()
    assert len(soup.find_all("h1")) == 1


def test_current_phase_follows_the_phases_when_saved():
    phases = [
        StartupPhase(phase_id=1, start=datetime.date(2020, 1, 1)),
        StartupPhase(phase_id=2, start=datetime.date(2021, 1, 1)),
        StartupPhase(phase_id=3, start=datetime.date(2021, 1, 1)),
        StartupPhase(phase_id=4, start=datetime.date(2999, 1, 1)),
    ]
    from community.startups.models.startups import current_phase_of

    assert current_phase_of(phases).phase_id == 3  # same day: the later one in the fiche wins
    assert current_phase_of(phases[3:]) is None


def test_a_future_phase_becomes_current_on_its_day(home):
    from community.startups.models.startups import refresh_current_phases

    investigation = PhaseFactory(slug="investigation", name="Investigation")
    construction = PhaseFactory(slug="construction", name="Construction")
    page = startup(home, "Demain", phases=[(investigation, "2020-01-01"), (construction, "2030-01-01")])
    assert page.current_phase == investigation
    assert refresh_current_phases() == 0
    assert refresh_current_phases(today=datetime.date(2030, 1, 1)) == 1
    page.refresh_from_db()
    assert (page.current_phase, page.current_phase_start) == (construction, datetime.date(2030, 1, 1))


def test_team_lists_current_and_past_members_without_contact(client, home):
    page = startup(home, "Équipée", contact="personne@exemple.fr")
    now, past = Member.objects.create(slug="a.b", full_name="Ada B", job_title="Développeuse"), None
    past = Member.objects.create(slug="c.d", full_name="Cyril D", job_title="Coach")
    Mission.objects.create(member=now, startup=page, start=datetime.date(2024, 1, 1))
    Mission.objects.create(
        member=past, startup=page, start=datetime.date(2020, 1, 1), end=datetime.date(2021, 1, 1)
    )
    soup = soup_of(client, page.url)
    text = soup.find("main").get_text(" ", strip=True)
    assert text.index("Équipe actuelle") < text.index("Ada B") < text.index("Anciens membres")
    assert text.index("Anciens membres") < text.index("Cyril D")
    assert "personne@exemple.fr" not in text and "mailto:" not in str(soup)


def test_key_figures_match_the_database(client, home):
    investigation = PhaseFactory(slug="investigation", name="Investigation", order=1)
    construction = PhaseFactory(slug="construction", name="Construction", order=2)
    sante = ThematiqueFactory(slug="sante", name="Santé")
    first, second = incubator(home, "premier", "Premier"), incubator(home, "second", "Second")
    startup(home, "Un", incubator=first, phases=[(investigation, "2021-02-01")], thematiques=[sante])
    startup(
        home,
        "Deux",
        incubator=first,
        phases=[(investigation, "2021-03-01"), (construction, "2022-01-01")],
        thematiques=[sante],
    )
    startup(home, "Trois", incubator=second, phases=[(construction, "2022-05-01")])
    draft = StartupPage(
        title="Brouillon",
        live=False,
        slug="brouillon",
        phases=[StartupPhase(phase=construction, start=datetime.date(2022, 1, 1))],
    )
    StartupPage.objects.first().get_parent().add_child(instance=draft)  # never published: not counted
    chiffres = published_child(home, KeyFiguresPage(title="Chiffres", slug="chiffres"))

    by_phase = {row["label"]: row["value"] for row in figures.startups_by_phase()}
    assert by_phase == {"Investigation": 1, "Construction": 2}
    assert {row["label"]: row["value"] for row in figures.startups_by_incubator()} == {
        "Premier": 2,
        "Second": 1,
    }
    assert {row["label"]: row["value"] for row in figures.startups_by_thematique()} == {"Santé": 2}
    years = figures.phases_started_per_year()
    assert [(row["label"], row["value"]) for row in years["years"]] == [("2021", 2), ("2022", 2)]

    soup = soup_of(client, chiffres.url)
    # The startups' four charts (the community's figures have tables of their own on the page).
    charts = ("par-phase", "par-incubateur", "par-thematique", "par-annee")
    tables = [soup.select_one(f'figure[aria-labelledby="{chart}-titre"] table') for chart in charts]
    assert all(tables)
    phase_rows = {
        tr.th.get_text(strip=True): tr.td.get_text(strip=True) for tr in tables[0].select("tbody tr")
    }
    assert phase_rows == {"Investigation": "1", "Construction": "2"}
    assert "3 startups publiées" in soup.get_text()
    assert all(table.caption for table in soup.select("table"))

    home_soup = soup_of(client, home.url)
    figures_text = home_soup.select_one(".chiffres-cles").get_text(" ", strip=True)
    assert "2 incubateurs" in figures_text
    assert "3 startups en activité" in figures_text


def test_demo_creates_the_startup_section_and_is_idempotent(client, demo_site):
    assert StartupPage.objects.live().count() >= 4
    soup = soup_of(client, "/chiffres/")
    assert soup.h1.get_text(strip=True) == "Chiffres"
    soup_of(client, "/incubateurs/")
    soup_of(client, "/incubateurs/fabrique-des-territoires/")
    soup = soup_of(client, "/startups/?phase=construction")
    assert "Cantine locale" in soup.get_text()
    soup = soup_of(client, "/startups/cantine-locale/")
    assert soup.find("h2", id="qualite").get_text(strip=True) == "Qualité et conformité"
    soup = soup_of(client, "/startups/organisations/ministere-des-territoires-demo/")
    assert "Cantine locale" in soup.get_text()
    revisions = Revision.objects.count()
    call_command("load_demo", "--no-admin", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert Revision.objects.count() == revisions
