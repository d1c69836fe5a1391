"""Bad input on contributions: each refused in French, next to its field, nothing written, no 500."""

from django.core import mail
from django.test import Client, override_settings

from wagtail.documents import get_document_model

import pytest

from core.uploads import validate_upload
from resources.library.models import ResourcePage
from tests.resources.library.factories import (
    EXE,
    HTML,
    PDF,
    PNG,
    SVG,
    ContributionPageFactory,
    ResourceKindFactory,
    upload,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def contribuer(sections, home):
    return ContributionPageFactory(parent=home)


@pytest.fixture
def kind(db):
    return ResourceKindFactory(slug="outil", name="Outil")


@pytest.fixture
def member_client(client, people):
    client.force_login(people["member"])
    return client


def data(kind, **overrides):
    values = {"title": "Une ressource", "intro": "Son résumé.", "kind": kind.pk, "external_url": ""}
    values.update(overrides)
    return values


def assert_nothing_written():
    assert not ResourcePage.objects.exists()
    assert not get_document_model().objects.exists()


def test_oversized_file_is_refused(member_client, contribuer, kind):
    with override_settings(WAGTAILDOCS_MAX_UPLOAD_SIZE=1024):
        big = upload(content=PDF + b"0" * 2048)
        response = member_client.post(contribuer.url, data(kind, title="Gros fichier", file=big))
    assert response.status_code == 400
    assert "taille maximale autorisée (1 Ko)" in response.content.decode()
    assert response.context["form"].errors["file"]
    assert 'value="Gros fichier"' in response.content.decode()  # what the member typed is kept
    assert_nothing_written()


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("outil.pdf", EXE),  # an executable renamed .pdf
        ("outil.exe", EXE),
        ("page.pdf", HTML),
        ("page.html", HTML),
        ("page.txt", HTML),
        ("dessin.svg", SVG),
        ("dessin.png", SVG),
        ("dessin.csv", SVG),
        ("image.pdf", PNG),  # a real image, but not what its name says
    ],
)
def test_files_that_are_not_documents_or_images_are_refused(member_client, contribuer, kind, name, content):
    response = member_client.post(contribuer.url, data(kind, file=upload(name, content, "application/pdf")))
    assert response.status_code == 400
    errors = " ".join(response.context["form"].errors["file"])
    assert "n'est pas accepté" in errors or "ne correspond pas" in errors
    assert_nothing_written()


@pytest.mark.parametrize(
    ("name", "content"),
    [("modele.pdf", PDF), ("schema.png", PNG), ("tableau.csv", "nom;rôle\nAda;dev\n".encode())],
)
def test_documents_and_images_pass(name, content):
    validate_upload(upload(name, content))


def test_file_or_link_is_required_with_errors_next_to_both_fields(member_client, contribuer, kind):
    response = member_client.post(contribuer.url, data(kind, title="Sans accès"))
    assert response.status_code == 400
    form = response.context["form"]
    assert "joignez un document" in form.errors["file"][0]
    assert "joignez un document" in form.errors["external_url"][0]
    html = response.content.decode()
    assert 'id="id_file-erreur"' in html and 'id="id_external_url-erreur"' in html
    assert_nothing_written()


def test_required_fields_in_french(member_client, contribuer):
    response = member_client.post(contribuer.url, {"title": "", "intro": ""})
    assert response.status_code == 400
    assert response.context["form"].errors["title"] == ["Champ requis."]
    assert_nothing_written()


def test_text_is_escaped(member_client, contribuer, kind, people):
    title = '<script>alert("x")</script> Outil'
    member_client.post(contribuer.url, data(kind, title=title, external_url="https://beta.gouv.fr/"))
    page = ResourcePage.objects.get()
    html = member_client.get("/compte/contributions/").content.decode()
    assert '<script>alert("x")</script>' not in html
    assert "&lt;script&gt;" in html
    page.current_workflow_task_state.specific.approve(user=people["moderator"])
    page.refresh_from_db()
    assert '<script>alert("x")</script>' not in Client().get(page.url).content.decode()


def test_forged_member_id_changes_nothing_of_another_member(member_client, contribuer, kind, people):
    other = people["coach"].member
    response = member_client.post(
        contribuer.url,
        data(
            kind,
            external_url="https://beta.gouv.fr/",
            contributor=other.pk,
            member=other.pk,
            owner=people["coach"].pk,
            user=people["coach"].pk,
        ),
    )
    assert response.status_code == 302
    page = ResourcePage.objects.get()
    assert page.contributor == people["member"].member
    assert page.owner == people["member"]
    assert not other.contributed_resources.exists()


def test_missing_csrf_token_is_refused(contribuer, kind, people):
    client = Client(enforce_csrf_checks=True)
    client.force_login(people["member"])
    response = client.post(contribuer.url, data(kind, external_url="https://beta.gouv.fr/"))
    assert response.status_code == 403
    assert_nothing_written()


def test_honeypot_is_answered_like_people_but_nothing_is_stored(member_client, contribuer, kind):
    mail.outbox.clear()
    response = member_client.post(
        contribuer.url, data(kind, external_url="https://beta.gouv.fr/", site_web="http://spam.example")
    )
    assert response.status_code == 302
    assert_nothing_written()
    assert mail.outbox == []


def test_eleventh_contribution_in_a_minute_is_refused(member_client, contribuer, kind):
    for n in range(10):
        response = member_client.post(
            contribuer.url, data(kind, title=f"Ressource {n}", external_url="https://beta.gouv.fr/")
        )
        assert response.status_code == 302
    response = member_client.post(
        contribuer.url, data(kind, title="La onzième", external_url="https://beta.gouv.fr/")
    )
    assert response.status_code == 429
    html = response.content.decode()
    assert "Trop de tentatives en peu de temps" in html
    assert 'value="La onzième"' in html
    assert ResourcePage.objects.count() == 10
    assert not ResourcePage.objects.filter(title="La onzième").exists()
