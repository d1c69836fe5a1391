"""Factories for the resource library: kinds, resources, small documents, and the "Contribuer" page
with the small upload files its form is tested with."""

from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile

from wagtail.documents import get_document_model

import factory

from resources.library.models import ContributionPage, ResourceIndexPage, ResourceKind, ResourcePage
from tests.core.factories import PageFactory

PDF = b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\x00" * 64
SVG = b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
HTML = b"<!DOCTYPE html><html><body><script>alert(1)</script></body></html>"


class ResourceKindFactory(factory.django.DjangoModelFactory):
    slug = factory.Sequence(lambda n: f"type-{n}")
    name = factory.Sequence(lambda n: f"Type {n}")

    class Meta:
        model = ResourceKind
        django_get_or_create = ("slug",)


class ResourceIndexPageFactory(PageFactory):
    title = "Ressources"
    slug = "ressources"

    class Meta:
        model = ResourceIndexPage


class ResourcePageFactory(PageFactory):
    title = factory.Sequence(lambda n: f"Ressource {n}")
    intro = "Une ressource partagée par la communauté."
    kind = factory.SubFactory(ResourceKindFactory)
    external_url = "https://beta.gouv.fr/"

    class Meta:
        model = ResourcePage
        skip_postgeneration_save = True

    @factory.post_generation
    def taxonomies(self, create, extracted, **kwargs):
        """taxonomies={"phases": [...], "roles": [...], "thematiques": [...]} then a save (parental m2m)."""
        if create and extracted:
            for name, terms in extracted.items():
                getattr(self, name).set(terms)
            self.save()


class ContributionPageFactory(PageFactory):
    title = "Contribuer"
    slug = "contribuer"

    class Meta:
        model = ContributionPage


def make_document(title="Modèle", filename="modele.csv", content=b"a;b\n1;2\n"):
    Document = get_document_model()
    document = Document(title=title)
    document.file.save(filename, ContentFile(content), save=False)
    document._set_document_file_metadata()
    document.save()
    return document


def upload(name="modele.pdf", content=PDF, content_type="application/pdf"):
    return SimpleUploadedFile(name, content, content_type=content_type)
