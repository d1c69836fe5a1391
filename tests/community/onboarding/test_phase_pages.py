"""Phase pages (/phases/<slug>/): the editors' text, the computed duration, who does what, what to
read and which startups are in the phase; every phase tag of the site links there; guide filters."""

from html import unescape

import pytest
from bs4 import BeautifulSoup

from tests.community.onboarding.journey import days_ago, guide, make_journey
from tests.community.startups.factories import startup
from tests.resources.guides.factories import GuidePageFactory
from tests.visibility import HIDDEN, make_visibility_pages

pytestmark = pytest.mark.django_db


@pytest.fixture
def w(home):
    return make_journey(home)


def html_of(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return unescape(response.content.decode())


def test_phase_page_shows_editors_text_and_computed_parts(client, w):
    construction = w["construction"]
    construction.description = "On construit le service avec ses premiers usagers."
    construction.exit_criteria = "<p>Des usagers reviennent chaque semaine.</p>"
    construction.committee = "<p>Le comité d'investissement décide de l'accélération.</p>"
    construction.save()
    # Finished constructions of 100, 200 and 400 days: the median is 200 days, about 7 months.
    acceleration = w["construction"].__class__.objects.create(
        slug="acceleration", name="Accélération", order=3
    )
    for title, days in (("Service A", 100), ("Service B", 200), ("Service C", 400)):
        startup(
            w["home"], title, phases=[(construction, days_ago(days + 500)), (acceleration, days_ago(500))]
        )
    draft = startup(w["home"], f"{HIDDEN} en construction", phases=[(construction, days_ago(30))])
    draft.unpublish()
    make_visibility_pages(GuidePageFactory, w["guides"], phases=[construction])

    html = html_of(client, "/phases/construction/")

    assert "On construit le service avec ses premiers usagers." in html
    assert "Des usagers reviennent chaque semaine." in html
    assert "Le comité d'investissement décide de l'accélération." in html
    assert "Durée typique : 7 mois" in html and "calculée sur 3 startups" in html
    soup = BeautifulSoup(html, "html.parser")
    roles = soup.select_one("#roles").find_parent("section").get_text()
    assert "Développeuse" in roles and "Livrer un premier produit utilisable." in roles
    assert "Prototyper pour apprendre." not in roles
    assert "Déployer en continu" in html and "Préparer le comité" in html and "Prototyper vite" not in html
    assert "Modèle de tableau de bord" in html
    startups = soup.select_one("#startups").find_parent("section").get_text()
    assert "Cantine locale" in startups and "Service A" not in startups
    assert HIDDEN not in html


def test_unknown_phase_is_a_404_and_the_index_lists_phases(client, w):
    assert client.get("/phases/inconnue/").status_code == 404
    html = html_of(client, "/phases/")
    assert 'href="/phases/investigation/"' in html and 'href="/phases/construction/"' in html


def test_phase_without_finished_timelines_has_no_typical_duration(client, w):
    html = html_of(client, "/phases/construction/")
    assert "Aucune startup n’a encore terminé cette phase" in html


def test_phase_tags_link_to_the_phase_page(client, w):
    guide_html = html_of(client, w["to_read"].url)
    startup_html = html_of(client, w["cantine"].url)
    resource_html = html_of(client, w["resource"].url)
    role_html = html_of(client, w["dev_page"].url)

    for html in (guide_html, startup_html, resource_html, role_html):
        assert 'href="/phases/construction/"' in html
    assert "Phase : Construction" in BeautifulSoup(guide_html, "html.parser").get_text()
    assert 'href="/phases/investigation/"' in startup_html  # the timeline's past phase


def test_guide_index_filters_by_phase_and_role(client, w):
    guide(w["guides"], "Sous-page tagguée", [w["dev"]], [w["construction"]])
    child = guide(w["to_read"], "Page imbriquée", [w["dev"]], [w["construction"]])
    make_visibility_pages(GuidePageFactory, w["guides"], roles=[w["dev"]], phases=[w["construction"]])

    html = html_of(client, "/guides/?phase=construction&role=developpeuse")

    soup = BeautifulSoup(html, "html.parser")
    titles = {a.get_text(strip=True) for a in soup.select(".fr-card__title a")}
    assert {"Déployer en continu", "Sous-page tagguée", child.title} <= titles
    assert "Prototyper vite" not in titles and "Préparer le comité" not in titles
    assert HIDDEN not in html
    assert soup.select_one("#phase-construction").has_attr("checked")
    assert "Phase : Construction" in html  # the dismissible active filter


def test_guide_index_without_filter_keeps_the_tree(client, w):
    child = guide(w["to_read"], "Page imbriquée", [w["dev"]], [w["construction"]])
    soup = BeautifulSoup(html_of(client, "/guides/"), "html.parser")
    titles = {a.get_text(strip=True) for a in soup.select(".fr-card__title a")}
    assert "Déployer en continu" in titles and child.title not in titles
