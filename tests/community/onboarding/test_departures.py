"""« Partir bien »: a mission's end date suggests the departure path; its moments, progress, coaches' view."""

import datetime

from django.utils import timezone

from wagtail.models import PageViewRestriction

import pytest

from community.members.models import Mission
from community.onboarding.models import OnboardingProgress
from tests.community.members.factories import make_coach
from tests.community.onboarding.factories import OnboardingIndexPageFactory, make_path, step
from tests.community.onboarding.journey import make_journey
from tests.community.startups.factories import incubator
from tests.visibility import restrict

pytestmark = pytest.mark.django_db

DEPARTURE_STEPS = [
    ("apres", "Répondre au questionnaire de départ", False),
    ("j-30", "Préparer la passation", True),
    ("dernier-jour", "Rendre les accès", True),
    ("derniere-semaine", "Annoncer son départ", True),
]


def in_days(days):
    return timezone.localdate() + datetime.timedelta(days=days)


@pytest.fixture
def w(home):
    w = make_journey(home)
    w["index"] = OnboardingIndexPageFactory(parent=home)
    w["departure"] = make_path(
        w["index"], "Partir bien : développeur·ses", roles=[w["dev"]], steps=DEPARTURE_STEPS, kind="depart"
    )
    w["arrival"] = make_path(
        w["index"], "Arriver : développeur·ses", roles=[w["dev"]], steps=[("jour", "Compte", True)]
    )
    w["mission"] = Mission.objects.get(member=w["member"])
    return w


def for_me(client, user):
    client.force_login(user)
    response = client.get("/pour-moi/")
    assert response.status_code == 200
    return response.content.decode()


def test_no_end_date_no_departure(client, w):
    html = for_me(client, w["user"])
    assert "Votre départ approche" not in html
    assert w["departure"].title not in html


def test_a_mission_end_date_within_30_days_suggests_the_departure_path(client, w):
    w["mission"].end = in_days(12)
    w["mission"].save()
    html = for_me(client, w["user"])
    assert "Votre départ approche" in html
    assert "dans 12 jours" in html
    assert f'href="{w["departure"].url}#etape-{step(w["departure"], "Préparer la passation").pk}"' in html
    assert "0 étape faite sur 4" in html
    assert w["arrival"].title not in html.split("data-departure")[1].split("</section>")[0]


def test_a_recently_ended_mission_still_suggests_it_but_not_a_far_one(client, w):
    w["mission"].end = in_days(-10)
    w["mission"].save()
    assert "il y a 10 jours" in for_me(client, w["user"])
    w["mission"].end = in_days(45)
    w["mission"].save()
    assert "Votre départ approche" not in for_me(client, w["user"])
    w["mission"].end = in_days(-45)
    w["mission"].save()
    assert w["departure"].title not in for_me(client, w["user"])


def test_a_refused_mission_suggests_nothing(client, w):
    Mission.objects.filter(pk=w["mission"].pk).update(end=in_days(5), validation=Mission.REFUSED)
    assert "Votre départ approche" not in for_me(client, w["user"])


def test_departure_steps_read_by_moment_and_ticks_count(client, w):
    path = w["departure"]
    client.force_login(w["user"])
    html = client.get(path.url).content.decode()
    order = ["J-30", "Préparer la passation", "Dernière semaine", "Annoncer son départ", "Dernier jour"]
    order += ["Rendre les accès", "Après", "Répondre au questionnaire de départ"]
    positions = [html.index(text) for text in order]
    assert positions == sorted(positions)
    assert "Parcours de départ" in html

    handover = step(path, "Préparer la passation")
    response = client.post(f"{path.url}etape/{handover.pk}/", {"done": "1"}, HTTP_ACCEPT="application/json")
    assert response.json()["done"] == 1 and response.json()["total"] == 4
    for title in ("Annoncer son départ", "Rendre les accès"):
        client.post(f"{path.url}etape/{step(path, title).pk}/", {"done": "1"})
    assert response.status_code == 200
    data = client.post(
        f"{path.url}etape/{handover.pk}/", {"done": "1"}, HTTP_ACCEPT="application/json"
    ).json()
    assert data["finished"] is True  # the optional « après » step is not needed
    assert OnboardingProgress.objects.filter(user=w["user"], path=path).count() == 3


def test_departure_ticks_are_not_arrival_reminders(client, w):
    w["mission"].end = in_days(3)
    w["mission"].save()
    client.force_login(w["user"])
    client.post(
        f"{w['departure'].url}etape/{step(w['departure'], 'Préparer la passation').pk}/", {"done": "1"}
    )
    html = client.get("/pour-moi/").content.decode()
    # The arrival callout names the arrival path only, the departure callout its own.
    assert "Votre prochaine étape d’arrivée" in html
    arrival_callout = html.split("Votre prochaine étape d’arrivée")[1].split("</div>")[0]
    assert w["arrival"].title in arrival_callout and w["departure"].title not in arrival_callout
    assert "1 étape faite sur 4" in html


def test_coach_report_lists_departures_beside_arrivals(client, w):
    w["mission"].end = in_days(8)
    w["mission"].save()
    OnboardingProgress.objects.create(
        user=w["user"], path=w["departure"], step=step(w["departure"], "Préparer la passation")
    )
    client.force_login(w["coach"])
    html = client.get("/admin/parcours-suivi/").content.decode()
    assert w["arrival"].title in html and w["departure"].title in html
    assert "<td data-kind>Départ</td>" in html and "<td data-kind>Arrivée</td>" in html
    assert f'data-departure="{w["member"].slug}"' in html
    row = html.split(f'data-departure="{w["member"].slug}"')[1].split("</tr>")[0]
    assert "dans 8 jours" in row and "1 sur 4" in row and w["departure"].title in row


def test_another_incubators_coach_does_not_see_the_departure(client, w, home):
    w["mission"].end = in_days(8)
    w["mission"].save()
    other = make_coach("coach-ailleurs", [incubator(home, "ailleurs", "Ailleurs")])
    client.force_login(other)
    html = client.get("/admin/parcours-suivi/").content.decode()
    assert f'data-departure="{w["member"].slug}"' not in html
    assert "Aucun départ en cours dans vos incubateurs." in html


def test_a_member_cannot_read_the_coach_report(client, w):
    client.force_login(w["user"])
    response = client.get("/admin/parcours-suivi/")
    assert response.status_code in (302, 403)


def test_a_draft_departure_path_is_never_suggested(client, w):
    w["departure"].unpublish()
    w["mission"].end = in_days(5)
    w["mission"].save()
    html = for_me(client, w["user"])
    assert "Votre départ approche" in html
    assert w["departure"].title not in html
    assert "Aucun parcours de départ n’est encore écrit pour votre rôle" in html
    index_html = client.get(w["index"].url).content.decode()
    assert w["departure"].title not in index_html


def test_a_members_only_departure_path_stays_members_only(client, w):
    restrict(w["departure"], PageViewRestriction.LOGIN)
    w["mission"].end = in_days(5)
    w["mission"].save()
    assert w["departure"].title in for_me(client, w["user"])  # members read it
    client.logout()
    anonymous = client.get(w["index"].url).content.decode()
    assert w["departure"].title not in anonymous
    assert client.get(w["departure"].url).status_code == 302  # to the login page


def test_the_index_lists_departure_paths_apart(client, w):
    html = client.get(w["index"].url).content.decode()
    arrivals = html.split("Tous les parcours d’arrivée")[1].split("Je pars : partir bien")[0]
    departures = html.split("Je pars : partir bien")[1]
    assert w["arrival"].title in arrivals and w["departure"].title not in arrivals
    assert w["departure"].title in departures
