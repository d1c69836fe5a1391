"""A resource page: access required (document or link), document format and size, download type, credits."""

import re

from django.core.exceptions import ValidationError

from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

import pytest

from resources.library.models import ResourcePage
from tests.community.members.factories import MemberFactory, UserFactory
from tests.core.taxonomy.factories import PhaseFactory
from tests.resources.library.factories import (
    ResourceIndexPageFactory,
    ResourceKindFactory,
    ResourcePageFactory,
    make_document,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def index(home):
    return ResourceIndexPageFactory(parent=home)


def test_a_resource_needs_a_document_or_a_link(index):
    page = ResourcePage(title="Sans accès", slug="sans-acces", kind=ResourceKindFactory())
    with pytest.raises(ValidationError) as error:
        page.clean()
    assert "joignez un document ou indiquez un lien externe" in str(error.value)
    assert set(error.value.message_dict) == {"document", "external_url"}
    page.external_url = "https://beta.gouv.fr/"
    page.clean()
    page.external_url, page.document = "", make_document()
    page.clean()


def test_admin_refuses_a_resource_without_access_with_a_french_message(client, index):
    admin = UserFactory(is_superuser=True, is_staff=True)
    client.force_login(admin)
    kind = ResourceKindFactory()
    data = nested_form_data(
        {
            "title": "Sans accès",
            "slug": "sans-acces",
            "intro": "",
            "kind": kind.pk,
            "external_url": "",
            "body": streamfield([]),
            "licence": "etalab-2.0",
            "updated_on": "2026-10-01",
            "comments": inline_formset([]),
        }
    )
    response = client.post(f"/admin/pages/add/library/resourcepage/{index.pk}/", data)
    assert response.status_code == 200
    assert "joignez un document ou indiquez un lien externe" in response.content.decode()
    assert not ResourcePage.objects.exists()
    data["external_url"] = "https://beta.gouv.fr/"
    response = client.post(f"/admin/pages/add/library/resourcepage/{index.pk}/", data)
    assert response.status_code == 302
    assert ResourcePage.objects.get().external_url == "https://beta.gouv.fr/"


def test_page_shows_document_format_size_contributor_and_taxonomies(client, index):
    document = make_document("Indicateurs", "indicateurs.csv", b"indicateur;cible\nusagers;1000\n")
    member = MemberFactory(full_name="Camille Dupont")
    phase = PhaseFactory(slug="construction", name="Construction")
    page = ResourcePageFactory(
        parent=index,
        title="Tableau d'impact",
        document=document,
        external_url="",
        contributor=member,
        taxonomies={"phases": [phase]},
    )
    html = client.get(page.url).content.decode()
    size = document.file_size
    assert re.search(rf"\(CSV, {size}\s*octets\)", html), "format and size of the document"
    assert "Camille Dupont" in html
    assert "Construction" in html
    assert "Licence Ouverte / Etalab 2.0" in html
    assert document.url in html


@pytest.mark.parametrize(
    ("filename", "content", "content_type"),
    [
        ("modele.csv", b"a;b\n1;2\n", "text/csv"),
        ("checklist.pdf", b"%PDF-1.4\n%%EOF\n", "application/pdf"),
        ("notes.txt", "Étapes du transfert\n".encode(), "text/plain"),
    ],
)
def test_documents_download_with_the_right_content_type(client, index, filename, content, content_type):
    document = make_document(filename, filename, content)
    ResourcePageFactory(parent=index, document=document)
    response = client.get(document.url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith(content_type)
    assert b"".join(response.streaming_content if response.streaming else [response.content]) == content


def test_demo_library_loads_idempotently(demo_site, client):
    from wagtail.models import Revision

    assert ResourcePage.objects.live().count() >= 12
    assert ResourcePage.objects.filter(document__isnull=False).count() >= 3
    kinds = set(ResourcePage.objects.values_list("kind__slug", flat=True))
    assert {"modele", "outil", "checklist", "formation", "contact", "article", "video"} <= kinds
    revisions = Revision.objects.count()
    from django.core.management import call_command

    call_command("load_demo", "--no-admin", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert Revision.objects.count() == revisions
    assert ResourcePage.objects.count() == len(__import__("resources.library.demo").library.demo.RESOURCES)
    for page in ResourcePage.objects.live():
        assert client.get(page.url).status_code == 200


def test_coaches_may_edit_resource_kinds_and_members_may_not():
    coach, member = UserFactory(groups=["Coachs"]), UserFactory(groups=["Membres"])
    assert coach.has_perm("library.change_resourcekind")
    assert not member.has_perm("library.change_resourcekind")
