"""« Pour moi, maintenant »: a member's role × phase from their missions, what to read, whom to ask."""

import datetime
from html import unescape

from django.test import Client
from django.utils import timezone

import pytest
from bs4 import BeautifulSoup

from community.members.models import Mission
from community.onboarding.models import GuideOpening, PersonalPageVisit
from resources.library.models import ResourcePage
from tests.community.members.factories import make_user
from tests.community.onboarding.factories import OnboardingIndexPageFactory, make_path
from tests.community.onboarding.journey import days_ago, guide, lived_phase_peer, make_journey, resource
from tests.community.startups.factories import startup
from tests.resources.guides.factories import GuidePageFactory
from tests.visibility import HIDDEN, VISIBLE, make_visibility_pages

pytestmark = pytest.mark.django_db


@pytest.fixture
def w(home):
    return make_journey(home)


def page_of(client, url="/pour-moi/"):
    response = client.get(url)
    assert response.status_code == 200
    return response, unescape(response.content.decode())


def test_member_gets_the_guides_of_their_role_and_phase_and_nothing_they_may_not_read(client, w):
    # Drafts, restricted pages, pages in moderation or with a pending change, all tagged for the pair.
    make_visibility_pages(GuidePageFactory, w["guides"], roles=[w["dev"]], phases=[w["construction"]])
    client.force_login(w["user"])

    response, html = page_of(client)

    assert "Vous êtes développeuse sur Cantine locale, en construction depuis 3 mois" in html
    assert "Déployer en continu" in html and f"Page {VISIBLE}" in html
    assert "Prototyper vite" not in html  # the role's guide for another phase
    assert "Préparer le comité" not in html  # the phase's guide for another role
    # A guide for members only is theirs; drafts, moderated text, other groups' and passworded never.
    assert f"{HIDDEN} membres" in html
    assert HIDDEN not in html.replace(f"{HIDDEN} membres", "")
    assert "Livrer un premier produit utilisable." in html and "Prototyper pour apprendre." not in html
    assert "Modèle de tableau de bord" in html
    assert "private" in response["Cache-Control"] and "X-Page-Cache" not in response


def test_an_opened_guide_leaves_the_list_until_it_changes(client, w):
    client.force_login(w["user"])
    assert client.get(w["to_read"].url).status_code == 200
    assert GuideOpening.objects.filter(user=w["user"], page=w["to_read"]).exists()

    _, html = page_of(client)
    assert "Déployer en continu" not in html
    assert "Vous avez lu tous les guides de votre rôle pour cette phase." in html

    w["to_read"].save_revision().publish()  # the guide changed since it was read
    soup = BeautifulSoup(page_of(client)[1], "html.parser")
    item = next(li for li in soup.select(".pour-moi-guides li") if "Déployer en continu" in li.text)
    assert "Mis à jour depuis votre lecture" in item.text


def test_several_missions_give_one_section_each(client, w):
    marche = startup(w["home"], "Marché vert", phases=[(w["investigation"], days_ago(10))])
    Mission.objects.create(member=w["member"], startup=marche, role=w["intra"], start=days_ago(30))
    guide(w["guides"], "Rencontrer les usagers", [w["intra"]], [w["investigation"]])
    # An ended mission and a refused one give nothing.
    ended = startup(w["home"], "Ancien service", phases=[(w["construction"], days_ago(900))])
    Mission.objects.create(
        member=w["member"], startup=ended, role=w["intra"], start=days_ago(800), end=days_ago(500)
    )
    Mission.objects.create(
        member=w["member"], startup=ended, role=w["dev"], start=days_ago(10), validation=Mission.REFUSED
    )
    client.force_login(w["user"])

    soup = BeautifulSoup(page_of(client)[1], "html.parser")

    headlines = [h2.text.strip() for h2 in soup.select("h2") if h2.text.startswith("Vous êtes")]
    assert headlines == [
        "Vous êtes intrapreneur sur Marché vert, en investigation depuis moins d'un mois",
        "Vous êtes développeuse sur Cantine locale, en construction depuis 3 mois",
    ]
    text = soup.get_text()
    assert "Rencontrer les usagers" in text and "Déployer en continu" in text
    assert "Ancien service" not in text


def test_a_mission_on_a_draft_startup_never_names_it(client, w):
    hidden = startup(w["home"], f"{HIDDEN} startup", phases=[(w["construction"], days_ago(10))])
    hidden.unpublish()
    w["member"].missions.all().delete()
    Mission.objects.create(member=w["member"], startup=hidden, role=w["dev"], start=days_ago(5))
    client.force_login(w["user"])

    _, html = page_of(client)

    assert HIDDEN not in html
    assert "La phase de votre startup n’est pas connue" in html


def test_new_resources_since_the_previous_visit(client, w):
    client.force_login(w["user"])
    _, html = page_of(client)
    assert "Ressources récentes pour ce rôle et cette phase" in html
    # The member comes back a day later; a resource was published meanwhile.
    yesterday = timezone.now() - datetime.timedelta(days=1)
    PersonalPageVisit.objects.filter(user=w["user"]).update(seen_at=yesterday)
    ResourcePage.objects.filter(pk=w["resource"].pk).update(
        first_published_at=yesterday - datetime.timedelta(days=1)
    )
    resource(w["library"], "Checklist de mise en production", [w["dev"]], [w["construction"]])

    _, html = page_of(client)

    assert "Nouvelles ressources depuis votre dernière visite" in html
    assert "Checklist de mise en production" in html
    assert "Modèle de tableau de bord" not in html
    # A reload within the hour is the same visit: the news stays.
    assert "Checklist de mise en production" in page_of(client)[1]


def test_people_to_ask_and_the_next_event(client, w):
    start = datetime.date.fromisoformat(days_ago(90))
    lived_phase_peer(w, "Paul Pair", "paul.pair", start, start + datetime.timedelta(days=30))
    # On Cantine locale during investigation only: did not live construction there.
    early = datetime.date.fromisoformat(days_ago(390))
    lived_phase_peer(
        w, "Ines Investigation", "ines.investigation", early, early + datetime.timedelta(days=60)
    )
    lived_phase_peer(w, "Rita Autre-Rôle", "rita.autre", start, None, role=w["intra"])
    client.force_login(w["user"])

    _, html = page_of(client)

    assert "Claire Coach" in html
    assert "Paul Pair" in html
    assert "Ines Investigation" not in html and "Rita Autre-Rôle" not in html
    assert "Comité d'investissement" in html


def test_next_onboarding_step_is_shown(client, w):
    make_path(
        OnboardingIndexPageFactory(parent=w["home"]),
        "Arrivée des développeuses",
        roles=[w["dev"]],
        steps=[("jour", "Demander ses accès", True), ("semaine", "Lire le code", False)],
    )
    w["member"].roles.set([w["dev"]])
    w["member"].save()
    client.force_login(w["user"])

    _, html = page_of(client)

    assert "Votre prochaine étape d’arrivée" in html and "Demander ses accès" in html


def test_anonymous_visitor_picks_a_role_and_a_phase_and_the_page_is_cached(w, settings):
    settings.FABRIQUE_PAGE_CACHE = True
    make_visibility_pages(GuidePageFactory, w["guides"], roles=[w["dev"]], phases=[w["construction"]])
    lived_phase_peer(w, "Paul Pair", "paul.pair", datetime.date.fromisoformat(days_ago(90)), None)
    anonymous = Client()
    url = "/pour-moi/?role=developpeuse&phase=construction"

    first, html = page_of(anonymous, url)

    assert "Déployer en continu" in html and f"Page {VISIBLE}" in html and "Prototyper vite" not in html
    assert "Livrer un premier produit utilisable." in html
    assert HIDDEN not in html
    assert "Paul Pair" not in html and "Claire Coach" not in html  # people are for members
    assert "Vous êtes" not in html
    assert page_of(anonymous, url)[0]["X-Page-Cache"] == "hit"


def test_member_page_is_never_served_from_the_page_cache(client, w, settings):
    settings.FABRIQUE_PAGE_CACHE = True
    page_of(Client(), "/pour-moi/")  # an anonymous visit stores the picker
    client.force_login(w["user"])

    response, html = page_of(client)

    assert "Vous êtes développeuse" in html
    assert "X-Page-Cache" not in response and "no-store" in response["Cache-Control"]


def test_unknown_role_gets_a_french_message(client, w):
    _, html = page_of(client, "/pour-moi/?role=astronaute&phase=construction")
    assert "Ce rôle n'existe pas : choisissez-en un dans la liste." in html


def test_member_without_mission_is_asked_for_the_phase(client, w):
    user = make_user("sans-mission")
    user.member.roles.set([w["dev"]])
    user.member.save()
    client.force_login(user)

    soup = BeautifulSoup(page_of(client)[1], "html.parser")

    assert "La phase de votre startup n’est pas connue" in soup.get_text()
    assert soup.select_one("#choix-role option[selected]")["value"] == "developpeuse"


def test_home_page_block_only_for_members(client, w):
    assert "Pour moi, maintenant" not in client.get("/").content.decode()
    client.force_login(w["user"])
    html = client.get("/").content.decode()
    assert "Pour moi, maintenant" in html
    assert "Vous êtes développeuse sur Cantine locale" in html and "Déployer en continu" in html
