"""Journeys of the network's incubators: an agent applies to an open call with a file; a startup's team
declares a blocker and marks a recommendation done. Waits rely on the DOM (strict CSP, no inline
script)."""

import pytest
from playwright.sync_api import expect

from community.blockers.models import DeclaredBlocker
from community.calls.models import Application
from community.members.models import Mission
from tests.browser.helpers import log_in, make_user

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
OPEN_CALL = "Appel à intrapreneurs — session de printemps"


def test_an_agent_applies_to_an_open_call(page, site_url, tmp_path):
    agent = make_user("agente", first_name="Inès", last_name="Martin")
    page.goto(site_url + "/appels/?statut=ouvert")
    page.get_by_role("link", name=OPEN_CALL).click()
    expect(page.locator('[data-statut="ouvert"]').first).to_be_visible()
    page.get_by_role("link", name="Candidater").click()
    log_in(page, agent)
    expect(page.locator("h1")).to_contain_text("Candidater à")
    page.get_by_label("Intitulé de votre projet").fill("Des rendez-vous sans file d'attente")
    page.get_by_label("Votre administration").fill("Préfecture de l'Exemple")
    page.get_by_role("button", name="Enregistrer le brouillon").click()
    expect(page.locator("main")).to_contain_text("Votre brouillon est enregistré")
    page.get_by_label("Le problème que vous voulez résoudre").fill(
        "Des heures d'attente pour un titre de séjour."
    )
    page.get_by_label("Pourquoi vous, pourquoi maintenant").fill("J'accueille ces usagers chaque jour.")
    document = tmp_path / "presentation.pdf"
    document.write_bytes(PDF)
    page.locator("input[type=file][name=attachment]").set_input_files(str(document))
    page.get_by_role("button", name="Envoyer ma candidature").click()
    expect(page.locator("main")).to_contain_text("Votre candidature est envoyée")
    application = Application.objects.get(applicant=agent)
    assert application.status == Application.RECEIVED
    assert application.attachment.name.endswith("presentation.pdf")
    page.get_by_role("link", name="Candidater").click()
    expect(page.locator("#statut-candidature")).to_have_attribute("data-statut", "recue")


def test_a_team_declares_a_blocker_and_marks_a_recommendation_done(page, site_url):
    member = make_user("equipiere", first_name="Lou", last_name="Bernard")
    startup = Mission._meta.get_field("startup").related_model.objects.get(slug="cantine-locale")
    Mission.objects.create(member=member.member, startup=startup, validation=Mission.VALIDATED)
    page.goto(site_url + "/blocages/")
    log_in(page, member)
    expect(page.locator("h1")).to_have_text("Mes blocages")
    page.get_by_label("Startup concernée").select_option(label=startup.title)
    page.get_by_label("Ce qui vous bloque").select_option(label="Passer un marché")
    page.get_by_label("Précisions (facultatif)").fill("Notre acheteur attend un cahier des charges.")
    page.get_by_role("button", name="Déclarer et voir les recommandations").click()
    expect(page.locator("h1")).to_have_text("Passer un marché")
    recommendation = page.locator("li[data-fait]", has_text="L'acheteur de votre sponsor")
    expect(recommendation).to_have_attribute("data-fait", "non")
    recommendation.get_by_role("button", name="Fait").click()
    expect(page.locator("li[data-fait]", has_text="L'acheteur de votre sponsor")).to_have_attribute(
        "data-fait", "oui"
    )
    page.get_by_role("button", name="Le blocage est levé").click()
    expect(page.locator("h1")).to_have_text("Mes blocages")
    assert DeclaredBlocker.objects.closed().filter(startup=startup).count() == 1
