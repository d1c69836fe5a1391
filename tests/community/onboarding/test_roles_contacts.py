"""The "Qui contacter" page: editors list who helps with what, including well-being and leaving."""

import pytest

from community.onboarding.models import ContactDirectoryPage
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
