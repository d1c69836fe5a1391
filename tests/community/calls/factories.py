"""Builders for calls for applications: the `/appels/` section and calls dated around today."""

import datetime

from django.utils import timezone

from wagtail.test.utils.form_data import inline_formset, rich_text

from community.calls.models import CallIndexPage, CallPage
from tests.core.factories import published_child
from tests.page_types import admin_form


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


def call_form_data(slug="appel-automne", title="Appel d'automne"):
    """The admin form creating a call that opens tomorrow, with one FAQ question."""
    question = {"question": "Faut-il une solution ?", "answer": rich_text("<p>Non.</p>"), "ORDER": "0"}
    return admin_form(
        title=title,
        slug=slug,
        intro="",
        incubator="",
        opens_on=str(days(1)),
        deadline=str(days(30)),
        jury_on="",
        eligibility=rich_text("<p>Agents publics.</p>"),
        offer=rich_text(""),
        how_to_apply=rich_text(""),
        questions=inline_formset([question]),
        laureates=inline_formset([]),
    )
