"""Factories and builders for startups, incubators and organisations."""

import datetime

import factory

from community.startups.models import (
    Audience,
    IncubatorIndexPage,
    IncubatorPage,
    Organisation,
    StartupIndexPage,
    StartupPage,
    StartupPhase,
)
from tests.core.factories import PageFactory, published_child


class OrganisationFactory(factory.django.DjangoModelFactory):
    slug = factory.Sequence(lambda n: f"organisation-{n}")
    name = factory.Sequence(lambda n: f"Organisation {n}")

    class Meta:
        model = Organisation
        django_get_or_create = ("slug",)


class AudienceFactory(factory.django.DjangoModelFactory):
    slug = factory.Sequence(lambda n: f"public-{n}")
    name = factory.Sequence(lambda n: f"Public {n}")

    class Meta:
        model = Audience
        django_get_or_create = ("slug",)


class StartupIndexPageFactory(PageFactory):
    title = "Startups"
    slug = "startups"

    class Meta:
        model = StartupIndexPage


class StartupPageFactory(PageFactory):
    title = factory.Sequence(lambda n: f"Startup {n}")
    mission = "Simplifier une démarche pour ses usagers."

    class Meta:
        model = StartupPage


class IncubatorIndexPageFactory(PageFactory):
    title = "Incubateurs"
    slug = "incubateurs"

    class Meta:
        model = IncubatorIndexPage


class IncubatorPageFactory(PageFactory):
    title = factory.Sequence(lambda n: f"Incubateur {n}")
    short_description = "<p>Un incubateur du réseau.</p>"

    class Meta:
        model = IncubatorPage


def startup_index(home):
    return StartupIndexPage.objects.first() or published_child(
        home, StartupIndexPage(title="Startups", slug="startups")
    )


def incubator(home, slug, title=None, **fields):
    index = IncubatorIndexPage.objects.first() or published_child(
        home, IncubatorIndexPage(title="Incubateurs", slug="incubateurs")
    )
    return published_child(index, IncubatorPage(title=title or slug.title(), slug=slug, **fields))


def startup(home, title, phases=(), sponsors=(), thematiques=(), audiences=(), **fields):
    """A published startup; `phases` is a list of (Phase, "AAAA-MM-JJ") pairs."""
    page = StartupPage(
        title=title,
        slug=title.lower().replace(" ", "-"),
        phases=[
            StartupPhase(phase=phase, start=datetime.date.fromisoformat(start), sort_order=n)
            for n, (phase, start) in enumerate(phases)
        ],
        sponsors=list(sponsors),
        thematiques=list(thematiques),
        audiences=list(audiences),
        **fields,
    )
    return published_child(startup_index(home), page)
