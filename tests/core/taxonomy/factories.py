"""Factories for the shared vocabulary: phases, roles and thématiques."""

import factory

from core.taxonomy.models import Phase, Role, Thematique


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
