"""The French public-site obligations: accessibility statement (RGAA model) and its footer status,
« Mentions légales » from the settings, « Données personnelles » from the retention settings, and
the « Plan du site » built from live public pages only."""

import datetime
import re

from django.core.exceptions import ValidationError

from wagtail.models import PageViewRestriction

import pytest

from tests.core.factories import with_revision
from tests.home.factories import ContentPageFactory, make_legal_pages

pytestmark = pytest.mark.django_db


@pytest.fixture
def legal(home):
    return make_legal_pages(home)


def footer_links(html):
    footer = html[html.index('id="pied-de-page"') :]
    return re.findall(r'class="fr-footer__bottom-link" href="([^"]+)">([^<]+)</a>', footer)


def test_the_footer_lists_the_legal_pages_in_the_dsfr_order_with_the_conformity(client, legal):
    ContentPageFactory(parent=legal["plan-du-site"].get_parent(), title="À propos", slug="a-propos")
    links = footer_links(client.get("/").content.decode())
    assert links == [
        ("/plan-du-site/", "Plan du site"),
        ("/accessibilite/", "Accessibilité : non conforme"),
        ("/mentions-legales/", "Mentions légales"),
        ("/donnees-personnelles/", "Données personnelles"),
        ("/a-propos/", "À propos"),
    ]


def test_the_accessibility_statement_follows_the_official_model(client, legal, settings):
    settings.FABRIQUE_CONTACT_EMAIL = "accessibilite@fabrique.example.org"
    html = client.get("/accessibilite/").content.decode()
    headings = re.findall(r"<h2>([^<]+)</h2>", html)
    assert headings == [
        "État de conformité",
        "Résultats des tests",
        "Contenus non accessibles",
        "Établissement de cette déclaration d’accessibilité",
        "Retour d’information et contact",
        "Voies de recours",
    ]
    for subheading in (
        "Non-conformités",
        "Dérogations pour charge disproportionnée",
        "Contenus non soumis à l’obligation d’accessibilité",
        "Technologies utilisées pour la réalisation du site",
    ):
        assert f"<h3>{subheading}</h3>" in html
    assert "<strong>non conforme</strong>" in html and "pas été audité" in html
    assert "article 47 de la loi n° 2005-102" in html
    assert "mailto:accessibilite@fabrique.example.org" in html
    assert "Défenseur des droits" in html and "Libre réponse 71120" in html


@pytest.mark.parametrize(
    "rate, status",
    [(49, "non conforme"), (50, "partiellement conforme"), (100, "totalement conforme")],
)
def test_an_audit_rate_sets_the_status_on_the_page_and_in_the_footer(client, legal, rate, status):
    statement = legal["accessibilite"]
    statement.compliance_rate, statement.audit_date, statement.auditor = (
        rate,
        datetime.date(2026, 6, 1),
        "Access42",
    )
    with_revision(statement)
    html = client.get("/accessibilite/").content.decode()
    assert f'data-conformite="{status}"' in html
    assert f"<strong>{rate} %</strong> des critères du RGAA" in html and "Access42" in html
    assert ("/accessibilite/", f"Accessibilité : {status}") in footer_links(client.get("/").content.decode())


def test_a_rate_without_its_audit_is_refused_in_french(legal):
    statement = legal["accessibilite"]
    statement.compliance_rate = 80
    with pytest.raises(ValidationError, match="indiquez sa date et son auteur"):
        statement.full_clean()


def test_the_legal_notice_says_what_the_deployment_has_not_given_yet(client, legal):
    html = client.get("/mentions-legales/").content.decode()
    assert "L’éditeur du site n’est pas encore renseigné." in html
    assert "L’hébergeur du site n’est pas encore renseigné." in html


def test_the_legal_notice_names_publisher_and_host_from_the_settings(client, legal, settings):
    settings.FABRIQUE_PUBLISHER_NAME = "Direction interministérielle du numérique"
    settings.FABRIQUE_PUBLISHER_ADDRESS = "20 avenue de Ségur, 75007 Paris"
    settings.FABRIQUE_PUBLICATION_DIRECTOR = "Jeanne Martin"
    settings.FABRIQUE_HOST_NAME = "OVH SAS"
    settings.FABRIQUE_HOST_ADDRESS = "2 rue Kellermann, 59100 Roubaix"
    html = client.get("/mentions-legales/").content.decode()
    assert "est édité par Direction interministérielle du numérique, 20 avenue de Ségur, 75007 Paris." in html
    assert "Jeanne Martin" in html
    assert "hébergé par OVH SAS, 2 rue Kellermann, 59100 Roubaix." in html


def test_the_personal_data_page_states_the_durations_the_purge_applies(client, legal, settings):
    settings.FABRIQUE_RETENTION_DAYS = {
        "login_attempts": 90,
        "feedback_comments": 730,
        "unverified_accounts": 7,
        "finished_tasks": 30,
        "group_invitations": 60,
        "mentoring_requests": 365,
        "nps_answers": 1095,
    }
    settings.FABRIQUE_PRIVACY_EMAIL = "dpd@fabrique.example.org"
    html = client.get("/donnees-personnelles/").content.decode()
    assert "Tentatives de connexion : adresse IP" in html
    assert "3 mois, puis suppression." in html
    assert "Commentaire et lien vers le compte effacés au bout de 2 ans" in html
    assert "jamais servi est supprimé au bout de 7 jours" in html
    assert "puis 2 mois avant suppression." in html  # group invitations
    assert "1 an après la réponse (ou après l&#x27;envoi" in html  # mentoring requests
    assert "3 ans, puis suppression (jamais celles du trimestre en cours)." in html  # NPS answers
    assert "mailto:dpd@fabrique.example.org" in html and "CNIL" in html
    assert "Le site ne mesure pas sa fréquentation." in html


def test_the_personal_data_page_says_when_audience_is_measured_without_cookies(client, legal, settings):
    settings.FABRIQUE_MATOMO_ENABLED = True
    settings.FABRIQUE_MATOMO_URL, settings.FABRIQUE_MATOMO_SITE_ID = "https://stats.example.org", "12"
    html = client.get("/donnees-personnelles/").content.decode()
    assert "Matomo, <strong>sans cookie</strong>" in html


def test_the_site_map_lists_live_public_pages_only(client, legal, home):
    about = ContentPageFactory(parent=home, title="À propos", slug="a-propos")
    ContentPageFactory(parent=about, title="Notre équipe", slug="equipe")
    ContentPageFactory(parent=about, title="Brouillon caché", slug="brouillon", live=False)
    private = ContentPageFactory(parent=home, title="Espace réservé", slug="reserve")
    ContentPageFactory(parent=private, title="Page sous l'espace réservé", slug="dessous")
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="secret")
    hidden = ContentPageFactory(parent=about, title="Page protégée", slug="protegee")
    PageViewRestriction.objects.create(page=hidden, restriction_type="login")
    html = client.get("/plan-du-site/").content.decode()
    assert '<a href="/a-propos/">À propos</a>' in html
    assert '<a href="/a-propos/equipe/">Notre équipe</a>' in html
    assert '<a href="/donnees-personnelles/">Données personnelles</a>' in html
    for secret in ("Brouillon caché", "Espace réservé", "Page sous l", "Page protégée"):
        assert secret not in html  # neither in the site map nor in the menu or the footer


def test_a_big_section_is_counted_not_listed_in_the_site_map(client, legal, home):
    section = ContentPageFactory(parent=home, title="Grande rubrique", slug="grande")
    for n in range(31):
        ContentPageFactory(parent=section, title=f"Fiche {n}", slug=f"fiche-{n}")
    html = client.get("/plan-du-site/").content.decode()
    assert "Grande rubrique" in html and "(31 pages, à retrouver dans la rubrique)" in html
    assert "Fiche 3<" not in html
