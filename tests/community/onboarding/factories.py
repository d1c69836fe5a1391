"""Factories and builders for roles, onboarding paths and the contact directory."""

from django.utils.text import slugify

import factory

from community.onboarding.models import (
    ContactDirectoryPage,
    OnboardingIndexPage,
    OnboardingPathPage,
    OnboardingStep,
    RoleIndexPage,
    RolePage,
)
from tests.core.factories import PageFactory
from tests.core.taxonomy.factories import RoleFactory


class RoleIndexPageFactory(PageFactory):
    title = "Rôles"
    slug = "roles"

    class Meta:
        model = RoleIndexPage


class OnboardingIndexPageFactory(PageFactory):
    title = "Parcours d'arrivée"
    slug = "parcours"

    class Meta:
        model = OnboardingIndexPage


class RolePageFactory(PageFactory):
    title = factory.Sequence(lambda n: f"Rôle {n}")
    intro = "Ce que fait ce rôle."
    role = factory.SubFactory(RoleFactory)

    class Meta:
        model = RolePage


class OnboardingPathPageFactory(PageFactory):
    """A path without steps (see `make_path` for one with steps); `roles=[…]` sets its roles."""

    title = factory.Sequence(lambda n: f"Parcours {n}")
    intro = "Ce que l'on fait en arrivant."

    class Meta:
        model = OnboardingPathPage
        skip_postgeneration_save = True

    @factory.post_generation
    def roles(self, create, extracted, **kwargs):
        if create and extracted:
            self.roles.set(extracted)
            self.save()  # parental many-to-many relations are written on save


class ContactDirectoryPageFactory(PageFactory):
    title = "Qui contacter"
    slug = "qui-contacter"

    class Meta:
        model = ContactDirectoryPage


def make_path(parent, title, roles=(), steps=(), slug=None, kind="arrivee", incubator=None):
    """A published path; `steps` are (moment, title, essential) tuples in the editors' order."""
    page = OnboardingPathPage(
        title=title,
        slug=slug or slugify(title),
        kind=kind,
        incubator=incubator,
        roles=list(roles),
        steps=[
            OnboardingStep(moment=moment, title=step_title, essential=essential, sort_order=position)
            for position, (moment, step_title, essential) in enumerate(steps)
        ],
    )
    parent.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def step(page, title):
    return page.steps.get(title=title)
