"""Applying to a call: drafts, sending with a checked file, the incubator's team, decisions by email."""

from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile

import pytest

from community.calls.models import Application
from tests.community.calls.factories import call
from tests.community.members.factories import make_coach, make_user
from tests.community.startups.factories import incubator

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
FIELDS = {
    "project_title": "Des rendez-vous sans file d'attente",
    "administration": "Préfecture de l'Exemple",
    "problem": "Les usagers attendent des heures pour un titre de séjour.",
    "motivation": "J'accueille ces usagers chaque jour.",
}


@pytest.fixture
def place(home):
    dinum, other = incubator(home, "dinum", "Incubateur DINUM"), incubator(home, "autre", "Autre incubateur")
    return {
        "call": call(home, "printemps", incubator=dinum, title="Appel de printemps"),
        "closed": call(home, "automne", incubator=dinum, opens=-60, deadline=-1, title="Appel d'automne"),
        "coach": make_coach("lea", [dinum]),
        "stranger": make_coach("paul", [other]),
        "agent": make_user("camille", first_name="Camille"),
    }


def apply_url(page):
    return page.url + "candidater/"


def pdf(name="note.pdf", content=PDF):
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def send(client, place, **extra):
    client.force_login(place["agent"])
    return client.post(apply_url(place["call"]), {**FIELDS, "action": "envoyer", **extra})


def test_anonymous_visitors_are_sent_to_log_in(client, place):
    response = client.get(apply_url(place["call"]))
    assert response.status_code == 302 and "/compte/connexion/" in response["Location"]


def test_an_application_with_a_file_reaches_the_incubator_team_only(client, place):
    response = send(client, place, attachment=pdf())
    assert response.status_code == 302
    application = Application.objects.get()
    assert application.status == Application.RECEIVED and application.submitted_at
    assert application.attachment.name.endswith("note.pdf")
    # The applicant gets a receipt, the incubator's coach the news; nobody else.
    recipients = sorted(address for message in mail.outbox for address in message.to)
    assert recipients == sorted([place["agent"].email, place["coach"].email])

    client.force_login(place["coach"])
    listing = client.get("/admin/candidatures/").content.decode()
    assert "Des rendez-vous sans file d&#x27;attente" in listing
    detail = client.get(f"/admin/candidatures/edit/{application.pk}/")
    assert detail.status_code == 200 and "note.pdf" in detail.content.decode()
    download = client.get(f"/admin/candidatures/{application.pk}/piece-jointe/")
    assert download.status_code == 200 and b"".join(download.streaming_content) == PDF

    client.force_login(place["stranger"])
    assert "Des rendez-vous" not in client.get("/admin/candidatures/").content.decode()
    assert client.get(f"/admin/candidatures/edit/{application.pk}/").status_code == 404
    assert client.get(f"/admin/candidatures/{application.pk}/piece-jointe/").status_code == 404


def test_the_file_is_not_published_under_media(client, place, settings):
    send(client, place, attachment=pdf())
    application = Application.objects.get()
    assert not application.attachment.path.startswith(str(settings.MEDIA_ROOT))


def test_each_decision_emails_the_applicant(client, place):
    send(client, place)
    application = Application.objects.get()
    mail.outbox.clear()
    client.force_login(place["coach"])
    url = f"/admin/candidatures/edit/{application.pk}/"
    client.post(url, {"status": Application.REVIEWING, "note": ""})
    client.post(url, {"status": Application.SELECTED, "note": "Rendez-vous le 3 pour le jury."})
    client.post(url, {"status": Application.SELECTED, "note": "Rendez-vous le 3 pour le jury."})  # unchanged
    application.refresh_from_db()
    assert application.status == Application.SELECTED and application.decided_by == place["coach"]
    assert [message.to for message in mail.outbox] == [[place["agent"].email]] * 2
    assert "en étude" in mail.outbox[0].subject
    assert "retenue" in mail.outbox[1].subject and "Rendez-vous le 3" in mail.outbox[1].body
    # The applicant sees the decision on the call's form page.
    client.force_login(place["agent"])
    assert 'data-statut="retenue"' in client.get(apply_url(place["call"])).content.decode()


def test_a_closed_call_refuses_applications(client, place):
    client.force_login(place["agent"])
    response = client.post(apply_url(place["closed"]), {**FIELDS, "action": "envoyer"})
    assert response.status_code == 403
    assert "Les candidatures ne sont pas ouvertes" in response.content.decode()
    assert not Application.objects.exists()


@pytest.mark.parametrize(
    ("upload", "message"),
    [
        (pdf("programme.pdf", b"MZ\x90\x00" + b"\x00" * 200), "Le contenu du fichier ne correspond pas"),
        (
            pdf("page.pdf", b"<html><script>alert(1)</script></html>"),
            "Le contenu du fichier ne correspond pas",
        ),
        (pdf("outil.exe", PDF), "Ce type de fichier n&#x27;est pas accepté"),
    ],
)
def test_a_forged_file_is_refused_in_french(client, place, upload, message):
    response = send(client, place, attachment=upload)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Application.objects.exists()


def test_an_oversized_file_is_refused_in_french(client, place, settings):
    settings.WAGTAILDOCS_MAX_UPLOAD_SIZE = 1024
    response = send(client, place, attachment=pdf(content=PDF + b"0" * 2048))
    assert response.status_code == 400
    assert "Le fichier dépasse la taille maximale autorisée (1 Ko)" in response.content.decode()
    assert not Application.objects.exists()


def test_a_draft_is_kept_then_sent_and_missing_fields_are_named(client, place):
    client.force_login(place["agent"])
    url = apply_url(place["call"])
    client.post(url, {"project_title": "Brouillon", "action": "enregistrer", "attachment": pdf()})
    draft = Application.objects.get()
    assert draft.status == Application.DRAFT and not mail.outbox
    page = client.get(url).content.decode()
    assert 'value="Brouillon"' in page and "note.pdf" in page
    # Drafts are their author's alone: not in the admin.
    client.force_login(place["coach"])
    assert "Brouillon" not in client.get("/admin/candidatures/").content.decode()
    client.force_login(place["agent"])
    response = client.post(url, {"project_title": "Brouillon", "action": "envoyer"})
    assert response.status_code == 400 and "Ce champ est à remplir pour envoyer" in response.content.decode()
    client.post(url, {**FIELDS, "action": "envoyer"})
    draft.refresh_from_db()
    assert draft.status == Application.RECEIVED and draft.attachment.name.endswith("note.pdf")


def test_the_honeypot_stores_nothing(client, place):
    response = send(client, place, site_web="http://spam.example")
    assert response.status_code == 302
    assert not Application.objects.exists() and not mail.outbox
