"""« On recrute »: posted by a startup's team, listed to members only, filtered; drafts stay with the team."""

import html
import re

import pytest

from community.mentoring.models import MissionOffer
from tests.community.members.factories import make_user
from tests.community.startups.factories import incubator, startup
from tests.core.taxonomy.factories import RoleFactory

pytestmark = pytest.mark.django_db


def titles(response):
    listing = response.content.decode().split('id="offres"')[1]
    return re.findall(r'<h2 class="fr-card__title"><a href="[^"]+">([^<]+)</a>', html.unescape(listing))


def post_offer(client, network, **overrides):
    client.force_login(network["seeker"].user)
    data = {
        "startup": network["cantine"].pk,
        "title": "Développeur·se backend",
        "role": network["developer"].pk,
        "description": "Rejoindre l'équipe de Cantine.",
        "starts_on": "2026-02-01",
        "status": MissionOffer.OPEN,
    }
    return client.post("/mobilite/proposer/", {**data, **overrides})


def test_a_team_member_posts_an_offer_that_members_see(client, network):
    assert post_offer(client, network).status_code == 302
    offer = MissionOffer.objects.get()
    assert (offer.startup, offer.posted_by) == (network["cantine"], network["seeker"])
    client.force_login(network["hidden"].user)
    assert titles(client.get("/mobilite/")) == ["Développeur·se backend"]
    assert client.get(f"/mobilite/{offer.pk}/").status_code == 200
    client.logout()
    assert client.get("/mobilite/").status_code == 302
    assert client.get(f"/mobilite/{offer.pk}/").status_code == 302


def test_drafts_and_closed_offers_stay_with_the_team(client, network):
    post_offer(client, network, status=MissionOffer.DRAFT, title="Brouillon")
    post_offer(client, network, status=MissionOffer.CLOSED, title="Pourvue")
    draft, closed = MissionOffer.objects.order_by("pk")
    client.force_login(network["hidden"].user)
    assert titles(client.get("/mobilite/")) == []
    assert client.get(f"/mobilite/{draft.pk}/").status_code == 404
    assert client.get(f"/mobilite/{closed.pk}/").status_code == 404
    client.force_login(network["seeker"].user)
    assert client.get(f"/mobilite/{draft.pk}/").status_code == 200
    assert "Brouillon" in client.get("/mobilite/").content.decode()  # « Les offres de mes startups »


def test_only_the_team_posts_and_edits(client, network):
    post_offer(client, network)
    offer = MissionOffer.objects.get()
    outsider = make_user("dehors")  # no mission at all
    client.force_login(outsider)
    assert client.get("/mobilite/proposer/").status_code == 302
    assert client.post(f"/mobilite/{offer.pk}/modifier/", {"title": "Piraté"}).status_code == 404
    pending = network["newcomer"]  # a mission on Cantine waiting for its coach
    client.force_login(pending.user)
    assert client.get("/mobilite/proposer/").status_code == 302
    client.force_login(network["seeker"].user)
    response = client.post(
        "/mobilite/proposer/",
        {"startup": network["aidants"].pk, "title": "Autre", "description": "x", "status": "ouverte"},
    )
    assert response.status_code == 400
    assert "dont vous faites partie" in html.unescape(response.content.decode())
    assert MissionOffer.objects.count() == 1


def test_offers_filter_by_role_phase_and_incubator(client, network, home):
    other_incubator = incubator(home, "autre", "Autre incubateur")
    designer = RoleFactory(slug="designer", name="Designer")
    elsewhere = startup(
        home,
        "Ailleurs",
        incubator=other_incubator,
        phases=[(network["phases"]["investigation"], "2024-01-01")],
    )
    post_offer(client, network)  # Cantine: DINUM, construction, développeur
    MissionOffer.objects.create(
        startup=elsewhere, role=designer, title="Designer UX", description="x", status=MissionOffer.OPEN
    )
    client.force_login(make_user("lecteur"))
    assert sorted(titles(client.get("/mobilite/"))) == ["Designer UX", "Développeur·se backend"]
    assert titles(client.get("/mobilite/?role=designer")) == ["Designer UX"]
    assert titles(client.get("/mobilite/?phase=construction")) == ["Développeur·se backend"]
    assert titles(client.get("/mobilite/?incubateur=autre")) == ["Designer UX"]
    assert titles(client.get("/mobilite/?incubateur=dinum&role=designer")) == []


def test_offers_of_an_unpublished_startup_are_not_listed(client, network):
    post_offer(client, network)
    network["cantine"].unpublish()
    client.force_login(make_user("lecteur"))
    assert titles(client.get("/mobilite/")) == []
