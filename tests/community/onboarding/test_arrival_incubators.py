"""Per-incubator paths and contacts: from the member's missions or the choice on « J'arrive », falling
back to the network's when the incubator has none."""

import datetime

from django.utils import timezone

import pytest

from community.members.models import Mission
from tests.community.onboarding.factories import (
    ContactDirectoryPageFactory,
    OnboardingIndexPageFactory,
    make_path,
)
from tests.community.onboarding.journey import make_journey
from tests.community.startups.factories import incubator

pytestmark = pytest.mark.django_db


@pytest.fixture
def w(home):
    w = make_journey(home)  # the member's mission is on Cantine locale, incubated by the DINUM
    w["index"] = OnboardingIndexPageFactory(parent=home)
    w["mi"] = incubator(home, "fabrique-mi", "Fabrique du MI")
    w["network_arrival"] = make_path(
        w["index"], "Arrivée réseau", roles=[w["dev"]], steps=[("jour", "A", True)]
    )
    w["dinum_arrival"] = make_path(
        w["index"], "Arrivée DINUM", roles=[w["dev"]], steps=[("jour", "B", True)], incubator=w["incubator"]
    )
    w["network_contacts"] = ContactDirectoryPageFactory(parent=home, title="Qui contacter")
    w["dinum_contacts"] = ContactDirectoryPageFactory(
        parent=home, title="Qui contacter à la DINUM", slug="qui-contacter-dinum", incubator=w["incubator"]
    )
    return w


def arrive(client, index, query):
    return client.get(f"{index.url}?{query}")


def test_choosing_an_incubator_on_arrival_gives_its_path(client, w):
    response = arrive(client, w["index"], "role=developpeuse&incubateur=dinum")
    assert response.status_code == 302 and response["Location"] == w["dinum_arrival"].url


def test_an_incubator_without_its_own_path_falls_back_to_the_networks(client, w):
    response = arrive(client, w["index"], "role=developpeuse&incubateur=fabrique-mi")
    assert response["Location"] == w["network_arrival"].url
    # No incubator chosen: the network's path, never an incubator's.
    assert arrive(client, w["index"], "role=developpeuse&incubateur=")["Location"] == w["network_arrival"].url


def test_the_landing_offers_the_incubators_and_their_contacts(client, w):
    html = client.get(f"{w['index'].url}?incubateur=dinum").content.decode()
    assert 'name="incubateur"' in html
    assert '<option value="fabrique-mi">Fabrique du MI</option>' in html
    assert '<option value="dinum" selected>Incubateur de la DINUM</option>' in html
    assert f'href="{w["dinum_contacts"].url}"' in html
    html = client.get(f"{w['index'].url}?incubateur=fabrique-mi").content.decode()
    assert f'href="{w["network_contacts"].url}"' in html and w["dinum_contacts"].url not in html


def test_an_unknown_incubator_gets_a_french_message(client, w):
    response = arrive(client, w["index"], "role=developpeuse&incubateur=inconnu")
    assert response.status_code == 200
    assert "Cet incubateur n&#x27;existe pas : choisissez-en un dans la liste." in response.content.decode()


def test_a_members_missions_choose_their_incubator(client, w):
    client.force_login(w["user"])
    response = arrive(client, w["index"], "role=developpeuse")
    assert response["Location"] == w["dinum_arrival"].url
    html = client.get(w["index"].url).content.decode()
    assert '<option value="dinum" selected>' in html and f'href="{w["dinum_contacts"].url}"' in html
    # The profile's paths follow the same choice: the DINUM's arrival, not the network's.
    summary = client.get(f"{w['index'].url}mes-parcours/").content.decode()
    assert "Arrivée DINUM" in summary and "Arrivée réseau" not in summary


def test_a_member_of_an_incubator_without_path_gets_the_networks(client, w, home):
    mission = Mission.objects.get(member=w["member"])
    mission.startup.incubator = w["mi"]
    mission.startup.save_revision().publish()
    client.force_login(w["user"])
    assert arrive(client, w["index"], "role=developpeuse")["Location"] == w["network_arrival"].url


def test_the_departure_suggestion_uses_the_incubators_departure_path(client, w):
    network = make_path(
        w["index"], "Départ réseau", roles=[w["dev"]], steps=[("j-30", "P", True)], kind="depart"
    )
    own = make_path(
        w["index"],
        "Départ DINUM",
        roles=[w["dev"]],
        steps=[("j-30", "Q", True)],
        kind="depart",
        incubator=w["incubator"],
    )
    Mission.objects.filter(member=w["member"]).update(end=timezone.localdate() + datetime.timedelta(days=3))
    client.force_login(w["user"])
    html = client.get("/pour-moi/").content.decode()
    assert own.title in html and network.title not in html
    own.unpublish()  # a draft is never offered: back to the network's
    html = client.get("/pour-moi/").content.decode()
    assert network.title in html and own.title not in html


def test_a_draft_incubator_path_is_never_offered(client, w):
    w["dinum_arrival"].unpublish()
    response = arrive(client, w["index"], "role=developpeuse&incubateur=dinum")
    assert response["Location"] == w["network_arrival"].url
    assert "Arrivée DINUM" not in client.get(w["index"].url).content.decode()
