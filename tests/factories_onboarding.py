"""Factories and builders for roles, onboarding paths and the contact directory."""

from django.utils.text import slugify

import factory
import wagtail_factories

from community.onboarding.models import (
    ContactDirectoryPage,
    OnboardingIndexPage,
    OnboardingPathPage,
    OnboardingStep,
    RoleIndexPage,
    RolePage,
)
from tests.factories import RoleFactory


class RoleIndexPageFactory(wagtail_factories.PageFactory):
    title = "Rôles"
    slug = "roles"

    class Meta:
        model = RoleIndexPage


class OnboardingIndexPageFactory(wagtail_factories.PageFactory):
    title = "Parcours d'arrivée"
    slug = "parcours"

    class Meta:
        model = OnboardingIndexPage


class RolePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Rôle {n}")
    intro = "Ce que fait ce rôle."
    role = factory.SubFactory(RoleFactory)

    class Meta:
        model = RolePage


class ContactDirectoryPageFactory(wagtail_factories.PageFactory):
    title = "Qui contacter"
    slug = "qui-contacter"

    class Meta:
        model = ContactDirectoryPage


def make_path(parent, title, roles=(), steps=(), slug=None):
    """A published path; `steps` are (moment, title, essential) tuples in the editors' order."""
    page = OnboardingPathPage(
        title=title,
        slug=slug or slugify(title),
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
