"""Quality and compliance fields of the fiches: imported, shown as a block, filtered; sponsor pages."""

import json
import shutil

from django.core.management import call_command

import pytest
from bs4 import BeautifulSoup

from community.members.models import Member
from community.startups.models import StartupPage, Team
from tests import DATA_DIR
from tests.community.startups.factories import OrganisationFactory, startup, startup_index

pytestmark = pytest.mark.django_db


def soup_of(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, url
    return BeautifulSoup(response.content, "html.parser")


def compliance_block(soup):
    heading = soup.find("h2", id="qualite")
    if heading is None:
        return None
    block = heading.find_parent("section")
    return {dt.get_text(strip=True): dt.find_next_sibling("dd") for dt in block.find_all("dt")}


def test_import_fills_the_fields_and_the_page_shows_them(client, home, shared_fixtures, tmp_path):
    report_path = tmp_path / "rapport.json"
    call_command(
        "import_betagouv",
        str(shared_fixtures / "betagouv"),
        "--publish",
        "--quiet",
        "--report",
        str(report_path),
    )
    assert json.loads(report_path.read_text(encoding="utf-8"))["rejected"] == []

    # nosgestesclimat.md answers every compliance field.
    ngc = StartupPage.objects.get(betagouv_id="nosgestesclimat")
    assert ngc.accessibility_status == "partiellement conforme"
    assert ngc.analyse_risques is True
    assert (
        ngc.analyse_risques_url
        == "https://github.com/incubateur-ademe/incubateur-ademe/blob/master/SECURITY.md"
    )
    assert ngc.mon_service_securise is True
    assert ngc.dashlord_url == "https://dashlord.incubateur.ademe.fr/startup/nosgestesclimat"
    assert ngc.stats_url == "https://nosgestesclimat.fr/stats"
    assert ngc.budget_url == "https://nosgestesclimat.fr/budget"
    assert ngc.impact_url.startswith("https://fichiers.numerique.gouv.fr/explorer/items/files/11dd2271")
    assert not set(ngc.extra) & {"analyse_risques", "mon_service_securise", "dashlord_url", "budget_url"}
    # 1-eleve-1-stage.md: "analyse_risques: false" is a "no", not an unanswered question.
    stage = StartupPage.objects.get(betagouv_id="1-eleve-1-stage")
    assert (stage.analyse_risques, stage.mon_service_securise, stage.accessibility_status) == (
        False,
        True,
        "non conforme",
    )
    # domifa.md says nothing about MonServiceSécurisé: unknown, not "no".
    assert StartupPage.objects.get(betagouv_id="domifa").mon_service_securise is None
    assert StartupPage.objects.filter(analyse_risques=True).count() == 21
    assert StartupPage.objects.filter(mon_service_securise=False).count() == 16

    block = compliance_block(soup_of(client, ngc.url))
    assert list(block) == [
        "Accessibilité",
        "Analyse de risques",
        "Homologation de sécurité",
        "Statistiques",
        "Suivi de la qualité",
        "Budget",
        "Impact",
    ]
    assert (
        block["Accessibilité"].select_one(".fr-badge--warning").get_text(strip=True)
        == "Partiellement conforme"
    )
    assert block["Analyse de risques"].select_one(".fr-badge--success").get_text(strip=True) == "Réalisée"
    assert block["Analyse de risques"].a["href"] == ngc.analyse_risques_url
    assert block["Homologation de sécurité"].get_text(strip=True) == "Suivie dans MonServiceSécurisé"
    assert block["Suivi de la qualité"].a["href"] == ngc.dashlord_url
    assert block["Suivi de la qualité"].a.get_text(strip=True) == "Tableau de bord DashLord"
    assert block["Budget"].a["href"] == "https://nosgestesclimat.fr/budget"

    # Teams list their members, from the member fiches' « teams » (love.andrieu.md names two).
    dgfip = Team.objects.get(slug="fabrique-dgfip-animation")
    assert [m.full_name for m in dgfip.members.all()] == ["Love ANDRIEU"]
    assert [m.full_name for m in Team.objects.get(slug="ademe").members.all()] == ["Gaëlle Maurugeon"]
    assert Member.objects.get(full_name="Love ANDRIEU").incubator_teams.count() == 2
    teams = soup_of(client, dgfip.incubator.url).find("h2", id="equipes").find_next_sibling("ul")
    assert "Love ANDRIEU" in [a.get_text(strip=True) for a in teams.select("li li a")]

    stage_block = compliance_block(soup_of(client, stage.url))
    assert (
        stage_block["Analyse de risques"].select_one(".fr-badge--warning").get_text(strip=True)
        == "Non réalisée"
    )
    assert stage_block["Accessibilité"].select_one(".fr-badge--error").get_text(strip=True) == "Non conforme"
    assert "Budget" not in stage_block and "Suivi de la qualité" not in stage_block


def test_a_startup_without_compliance_fields_shows_no_block(client, home):
    page = startup(home, "Muette")
    soup = soup_of(client, page.url)
    assert compliance_block(soup) is None
    assert "Qualité et conformité" not in soup.get_text()


def test_a_bad_flag_is_reported_and_ignored(home, tmp_path):
    from_fixture = tmp_path / "betagouv"
    shutil.copytree(DATA_DIR / "betagouv" / "malformed" / "phases", from_fixture / "phases")
    (from_fixture / "startups").mkdir()
    (from_fixture / "startups" / "drapeaux.md").write_text(
        "---\ntitle: Drapeaux\nmission: Tester.\nanalyse_risques: 'oui'\nmon_service_securise: peut-être\n"
        "phases:\n  - name: investigation\n    start: 2024-01-01\n---\n",
        encoding="utf-8",
    )
    report_path = tmp_path / "rapport.json"
    call_command("import_betagouv", str(from_fixture), "--quiet", "--report", str(report_path))
    report = json.loads(report_path.read_text(encoding="utf-8"))
    page = StartupPage.objects.get(betagouv_id="drapeaux")
    assert (page.analyse_risques, page.mon_service_securise) == (True, None)
    messages = json.dumps(report, ensure_ascii=False)
    assert "« analyse_risques » écrit « oui » : lu comme oui" in messages
    assert "« mon_service_securise » n'est ni oui ni non ('peut-être') : ignoré" in messages


def test_accessibility_and_security_filters_narrow_the_directory(client, home):
    startup(home, "Conforme", accessibility_status="totalement conforme", mon_service_securise=True)
    startup(home, "Partielle", accessibility_status="partiellement conforme", mon_service_securise=False)
    startup(home, "Inconnue")
    index = startup_index(home)

    def titles(query):
        soup = soup_of(client, f"{index.url}?{query}")
        return sorted(card.get_text(strip=True) for card in soup.select(".fr-card__title"))

    assert titles("") == ["Conforme", "Inconnue", "Partielle"]
    assert titles("accessibilite=totalement-conforme") == ["Conforme"]
    assert titles("accessibilite=totalement-conforme&accessibilite=partiellement-conforme") == [
        "Conforme",
        "Partielle",
    ]
    assert titles("securite=monservicesecurise") == ["Conforme"]
    assert titles("securite=non-suivie") == ["Partielle"]
    assert titles("accessibilite=partiellement-conforme&securite=monservicesecurise") == []
    assert titles("accessibilite=inexistant") == ["Conforme", "Inconnue", "Partielle"]
    text = soup_of(client, index.url).get_text(" ", strip=True)
    assert "Accessibilité" in text and "Homologation de sécurité" in text
    assert "Totalement conforme (1)" in text and "Suivie dans MonServiceSécurisé (1)" in text


def test_organisation_page_lists_only_live_sponsored_startups(client, home):
    dinum = OrganisationFactory(
        slug="dinum", name="Direction interministérielle du numérique", acronym="DINUM"
    )
    other = OrganisationFactory(slug="autre", name="Autre administration")
    shown = startup(home, "Publiée", sponsors=[dinum])
    draft = startup(home, "Brouillon", sponsors=[dinum])
    draft.unpublish()
    startup(home, "Ailleurs", sponsors=[other])
    index = startup_index(home)

    url = f"{index.url}organisations/dinum/"
    soup = soup_of(client, url)
    assert soup.h1.get_text(strip=True) == "Direction interministérielle du numérique (DINUM)"
    cards = [card.get_text(strip=True) for card in soup.select(".fr-card__title")]
    assert cards == ["Publiée"]
    assert "Brouillon" not in soup.get_text() and "Ailleurs" not in soup.get_text()

    # The startup page links its sponsor to that page.
    sponsor_links = soup_of(client, shown.url).select(".startup-meta a[href$='/organisations/dinum/']")
    assert [link.get_text(strip=True) for link in sponsor_links] == [
        "Direction interministérielle du numérique (DINUM)"
    ]


def test_organisation_without_live_startup_has_no_page(client, home):
    OrganisationFactory(slug="vide", name="Sans startup")
    lonely = OrganisationFactory(slug="seule", name="Seulement un brouillon")
    startup(home, "Cachée", sponsors=[lonely]).unpublish()
    index = startup_index(home)
    soup_of(client, f"{index.url}organisations/vide/", status=404)
    soup_of(client, f"{index.url}organisations/seule/", status=404)
    soup_of(client, f"{index.url}organisations/inconnue/", status=404)
