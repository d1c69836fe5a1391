"""The "Qui contacter" page: editors list who helps with what, including well-being and leaving."""

from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

import pytest

from community.onboarding.models import ContactDirectoryPage
from home.models import HomePage
from tests.community.onboarding.factories import ContactDirectoryPageFactory

pytestmark = pytest.mark.django_db


def category(kind, title, contacts, text="<p>Explication.</p>"):
    return ("category", {"kind": kind, "title": title, "text": text, "contacts": contacts})


def test_directory_lists_categories_and_contacts(client, home):
    ContactDirectoryPageFactory(
        parent=home,
        categories=[
            category(
                "comptes",
                "Comptes et outils",
                [
                    {
                        "name": "Support",
                        "role": "Comptes",
                        "email": "support@example.org",
                        "url": "",
                        "description": "Accès",
                    }
                ],
            ),
            category(
                "bien-etre",
                "Bien-être et conflits au travail",
                [
                    {
                        "name": "Médecine du travail",
                        "role": "",
                        "email": "",
                        "url": "https://example.org/sante",
                        "description": "Confidentiel",
                    }
                ],
                text="<p>Burnout, conflits, harcèlement : parlez-en.</p>",
            ),
        ],
    )
    html = client.get("/qui-contacter/").content.decode()
    assert html.count("<h1") == 1
    assert '<h2 id="titre-sujet-1">Comptes et outils</h2>' in html
    assert 'href="mailto:support@example.org"' in html
    assert "Burnout, conflits, harcèlement" in html
    assert 'href="https://example.org/sante"' in html and "nouvelle fenêtre" in html
    assert 'href="#sujet-2"' in html  # summary


def test_empty_directory_says_so(client, home):
    ContactDirectoryPageFactory(parent=home)
    assert "Cette page ne liste encore aucun contact." in client.get("/qui-contacter/").content.decode()


def test_demo_directory_covers_accounts_method_wellbeing_and_leaving(client, demo_site):
    page = ContactDirectoryPage.objects.get(slug="qui-contacter")
    assert [block.value["kind"] for block in page.categories] == ["comptes", "methode", "bien-etre", "depart"]
    html = client.get(page.url).content.decode()
    assert "burnout" in html and "harcèlement" in html and "3114" in html


class TestEditorsCanCreateTheDirectory(WagtailPageTestCase):
    def test_create_under_home(self):
        from django.contrib.auth import get_user_model

        from wagtail.models import Page

        home = HomePage(title="Accueil", slug="accueil-contacts", hero_title="Bienvenue")
        Page.get_first_root_node().add_child(instance=home)
        self.client.force_login(get_user_model().objects.create_superuser("chef", "chef@example.org", "x"))
        self.assertCanCreate(
            home,
            ContactDirectoryPage,
            nested_form_data(
                {
                    "title": "Qui contacter",
                    "slug": "qui-contacter",
                    "intro": "",
                    "categories": streamfield(
                        [
                            (
                                "category",
                                {
                                    "kind": "depart",
                                    "title": "Quitter une mission",
                                    "text": rich_text("<p>Passation.</p>"),
                                    "contacts": streamfield(
                                        [
                                            (
                                                "item",
                                                {
                                                    "name": "Coach",
                                                    "role": "",
                                                    "email": "",
                                                    "url": "",
                                                    "description": "",
                                                },
                                            )
                                        ]
                                    ),
                                },
                            )
                        ]
                    ),
                }
            ),
        )
        page = ContactDirectoryPage.objects.get(slug="qui-contacter")
        assert page.categories[0].value["contacts"][0]["name"] == "Coach"
