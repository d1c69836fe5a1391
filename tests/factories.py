"""Factories for the site's pages and taxonomies, reused by every test module."""

import factory
import wagtail_factories

from community.members.models import Member, User
from core.taxonomy.models import Phase, Role, Thematique
from home.models import ContentPage, HomePage


class HomePageFactory(wagtail_factories.PageFactory):
    title = "Accueil"
    hero_title = "Bienvenue sur Fabrique"
    hero_text = "La communauté des startups d'État."

    class Meta:
        model = HomePage


class ContentPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Page de contenu {n}")
    intro = "Une page de contenu."

    class Meta:
        model = ContentPage


class PhaseFactory(factory.django.DjangoModelFactory):
    slug = factory.Sequence(lambda n: f"phase-{n}")
    name = factory.Sequence(lambda n: f"Phase {n}")
    order = factory.Sequence(int)

    class Meta:
        model = Phase
        django_get_or_create = ("slug",)


class RoleFactory(factory.django.DjangoModelFactory):
    slug = factory.Sequence(lambda n: f"role-{n}")
    name = factory.Sequence(lambda n: f"Rôle {n}")

    class Meta:
        model = Role
        django_get_or_create = ("slug",)


class ThematiqueFactory(factory.django.DjangoModelFactory):
    slug = factory.Sequence(lambda n: f"thematique-{n}")
    name = factory.Sequence(lambda n: f"Thématique {n}")

    class Meta:
        model = Thematique
        django_get_or_create = ("slug",)


class UserFactory(factory.django.DjangoModelFactory):
    username = factory.Sequence(lambda n: f"membre{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@beta.gouv.fr")
    password = factory.django.Password("mot-de-passe-de-test")

    class Meta:
        model = User
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    @factory.post_generation
    def groups(self, create, extracted, **kwargs):
        if create and extracted:
            from django.contrib.auth.models import Group

            self.groups.add(*[Group.objects.get(name=name) for name in extracted])


class MemberFactory(factory.django.DjangoModelFactory):
    full_name = factory.Sequence(lambda n: f"Camille Martin {n}")
    slug = factory.Sequence(lambda n: f"camille.martin{n}")

    class Meta:
        model = Member
