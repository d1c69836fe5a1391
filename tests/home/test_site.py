"""The site renders in French with the DSFR chrome (a tree built with factories); the demo renders
every page and loads idempotently."""

import re
from io import StringIO

from django.core.management import call_command

from wagtail.models import Page, Revision

import pytest

from community.members.models import User
from home.models import HomePage
from tests.home.factories import add_entry_points, make_sections
from tests.resources.guides.factories import GuidePageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def site(home):
    """The home page, every section in the menu, and the three doors `setup_site` opens."""
    sections = make_sections(home)
    add_entry_points(
        home,
        [
            ("J'arrive dans la communauté", "Suivez le parcours de votre rôle.", sections["parcours"]),
            ("Je cherche une ressource", "Modèles, outils, checklists.", sections["ressources"]),
            ("Je contribue", "Partagez un modèle.", sections["contribuer"]),
        ],
    )
    return sections


def live_demo_pages():
    return Page.objects.live().filter(depth__gt=1).specific()


def test_every_demo_page_renders_with_its_title(client, demo_site):
    pages = list(live_demo_pages())
    assert len(pages) >= 9  # home, six sections, two content pages
    for page in pages:
        response = client.get(page.url)
        assert response.status_code == 200, page.url
        html = response.content.decode()
        assert f"<title>{page.title}" in html.replace("&#x27;", "'"), page.url
        assert re.search(r"<h1[^>]*>", html), page.url


def test_home_page_has_dsfr_header_and_three_entry_points(client, site):
    html = client.get("/").content.decode()
    assert '<html lang="fr"' in html
    assert 'class="fr-header"' in html
    assert "fr-header__service-title" in html and "Fabrique" in html
    assert 'class="fr-skiplinks"' in html
    assert 'class="fr-footer fr-mt-8w"' in html
    assert "Paramètres d’affichage" in html
    for entry in ("J&#x27;arrive dans la communauté", "Je cherche une ressource", "Je contribue"):
        assert entry in html
    for section in ("Guides", "Startups", "Rôles", "Ressources", "Parcours d&#x27;arrivée"):
        assert f">{section}</a>" in html


def test_home_sections_render_empty_not_broken(client, site):
    GuidePageFactory(parent=site["guides"], title="La méthode", slug="methode")
    html = client.get("/").content.decode()
    assert "Derniers guides" in html
    # With a guide published, the list shows it, not the empty text.
    assert 'href="/guides/methode/' in html
    assert "Aucun guide publié pour l’instant." not in html
    assert "Chiffres clés" in html


def test_home_guides_list_is_empty_not_broken_without_guides(client, site):
    from resources.guides.models import GuidePage

    assert not GuidePage.objects.exists()
    html = client.get("/").content.decode()
    assert "Aucun guide publié pour l’instant." in html


def test_breadcrumb_on_section_pages(client, site):
    html = client.get("/guides/").content.decode()
    assert 'class="fr-breadcrumb"' in html
    assert 'aria-current="page">Guides<' in html


def test_french_404(client, home):
    response = client.get("/cette-page-n-existe-pas/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "Page introuvable" in html
    assert 'class="fr-header"' in html


def test_demo_is_idempotent(demo_site):
    pages, revisions = Page.objects.count(), Revision.objects.count()
    out = StringIO()
    call_command("load_demo", "--no-admin", stdout=out)
    assert Page.objects.count() == pages
    assert Revision.objects.count() == revisions
    assert HomePage.objects.count() == 1


def test_demo_admin_gets_a_generated_password(client, db):
    out = StringIO()
    call_command("load_demo", stdout=out)
    match = re.search(r"mot de passe : (\S+)", out.getvalue())
    assert match, out.getvalue()
    password = match.group(1)
    assert len(password) >= 12
    # Through the admin login form: django-axes needs the request that Client.login() omits.
    assert client.post("/admin/login/", {"username": "admin", "password": password}).status_code == 302
    assert User.objects.get(username="admin").groups.filter(name="Administrateurs").exists()
    again = StringIO()
    call_command("load_demo", stdout=again)
    assert "mot de passe :" not in again.getvalue()
    client.logout()
    assert client.post("/admin/login/", {"username": "admin", "password": password}).status_code == 302
    assert client.get("/admin/").status_code == 200


def test_search_page_finds_a_section(client, site):
    response = client.get("/recherche/", {"q": "Ressources"})
    assert response.status_code == 200
    assert "Ressources" in response.content.decode()


def test_csrf_failure_is_explained_in_french(home):
    from django.test import Client

    response = Client(enforce_csrf_checks=True).post("/avis/", {"useful": "oui"})
    assert response.status_code == 403
    html = response.content.decode()
    assert "Formulaire expiré ou incomplet" in html
    assert '<html lang="fr">' in html


def test_the_menu_leads_to_the_groups_and_the_help_router_after_the_page_sections(client, site):
    html = client.get("/").content.decode()
    menu = html[html.index('id="navigation-principale"') :]
    menu = menu[: menu.index("</nav>")]
    assert menu.index(">Guides</a>") < menu.index('href="/groupes/">Groupes</a>')
    assert 'href="/vers-qui-me-tourner/">Vers qui me tourner ?</a>' in menu
    groups = client.get("/groupes/").content.decode()
    assert 'href="/groupes/" aria-current="page">Groupes</a>' in groups
