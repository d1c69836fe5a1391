"""Builders for calls for applications: the `/appels/` section and calls dated around today."""

import datetime

from django.utils import timezone

from community.calls.models import CallIndexPage, CallPage
from tests.core.factories import published_child


def call_index(home):
    return CallIndexPage.objects.first() or published_child(
        home, CallIndexPage(title="Appels à candidatures", slug="appels")
    )


def days(n: int) -> datetime.date:
    return timezone.localdate() + datetime.timedelta(days=n)


def call(home, slug, *, incubator=None, opens=-10, deadline=20, jury=None, **fields):
    """A published call opening `opens` days from today and closing `deadline` days from today."""
    page = CallPage(
        title=fields.pop("title", slug.replace("-", " ").capitalize()),
        slug=slug,
        incubator=incubator,
        opens_on=days(opens),
        deadline=days(deadline),
        jury_on=days(jury) if jury is not None else None,
        eligibility="<p>Agents publics.</p>",
        offer="<p>Six mois d'accompagnement.</p>",
        **fields,
    )
    return published_child(call_index(home), page)
