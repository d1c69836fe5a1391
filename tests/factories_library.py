"""Factories for the resource library: kinds, resources and small documents."""

from django.core.files.base import ContentFile

from wagtail.documents import get_document_model

import factory
import wagtail_factories

from resources.library.models import ResourceIndexPage, ResourceKind, ResourcePage


class ResourceKindFactory(factory.django.DjangoModelFactory):
    slug = factory.Sequence(lambda n: f"type-{n}")
    name = factory.Sequence(lambda n: f"Type {n}")

    class Meta:
        model = ResourceKind
        django_get_or_create = ("slug",)


class ResourceIndexPageFactory(wagtail_factories.PageFactory):
    title = "Ressources"
    slug = "ressources"

    class Meta:
        model = ResourceIndexPage


class ResourcePageFactory(wagtail_factories.PageFactory):
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


def make_document(title="Modèle", filename="modele.csv", content=b"a;b\n1;2\n"):
    Document = get_document_model()
    document = Document(title=title)
    document.file.save(filename, ContentFile(content), save=False)
    document._set_document_file_metadata()
    document.save()
    return document
