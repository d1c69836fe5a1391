"""Facet counts follow publication, link changes, restrictions and upgrades (facet_index.py)."""

from django.core.management import call_command
from django.db import connection

from wagtail.models import PageViewRestriction

import pytest

from resources.search.models import PageFacets
from tests.community.members.factories import UserFactory
from tests.core.taxonomy.factories import PhaseFactory, RoleFactory
from tests.resources.library.factories import (
    ResourceIndexPageFactory,
    ResourceKindFactory,
    ResourcePageFactory,
)

pytestmark = pytest.mark.django_db

postgresql_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="les lignes de facettes sont celles du backend PostgreSQL"
)


@pytest.fixture
def index(home):
    return ResourceIndexPageFactory(parent=home)


def counts(client, **params):
    response = client.get("/recherche/", {"q": "tanganyika", **params})
    assert response.status_code == 200
    return {
        state.facet.param: {option.value: option.count for option in state.options}
        for state in response.context["facet_states"]
    }


@pytest.mark.usefixtures("search_path")
def test_counts_follow_the_phases_of_a_page_published_again(client, index):
    investigation, construction = PhaseFactory(slug="investigation"), PhaseFactory(slug="construction")
    page = ResourcePageFactory(parent=index, title="Tanganyika", taxonomies={"phases": [investigation]})
    assert counts(client)["phase"] == {"investigation": 1}
    page.phases.set([construction])
    page.save_revision().publish()
    assert counts(client)["phase"] == {"construction": 1}
    assert counts(client, phase="construction")["phase"] == {"construction": 1}
    # The selected value stays offered, with what it would now find.
    assert counts(client, phase="investigation")["phase"] == {"investigation": 0, "construction": 1}


@pytest.mark.usefixtures("search_path")
def test_counts_only_count_pages_the_visitor_may_read(client, index):
    coach = RoleFactory(slug="coach")
    kind = ResourceKindFactory(slug="outil")
    ResourcePageFactory(parent=index, title="Tanganyika public", kind=kind, taxonomies={"roles": [coach]})
    restricted = ResourcePageFactory(
        parent=index, title="Tanganyika membres", kind=kind, taxonomies={"roles": [coach]}
    )
    PageViewRestriction.objects.create(page=restricted, restriction_type=PageViewRestriction.LOGIN)
    ResourcePageFactory(
        parent=index, title="Tanganyika brouillon", kind=kind, live=False, taxonomies={"roles": [coach]}
    )
    anonymous = counts(client)
    assert (anonymous["role"], anonymous["type"]) == ({"coach": 1}, {"outil": 1})
    client.force_login(UserFactory(groups=["Membres"]))
    member = counts(client)
    assert (member["role"], member["type"]) == ({"coach": 2}, {"outil": 2})
    assert counts(client, type="outil")["role"] == {"coach": 2}


@postgresql_only
def test_rows_are_written_with_the_entries_and_removed_with_the_page(index):
    phase = PhaseFactory(slug="construction")
    page = ResourcePageFactory(parent=index, title="Tanganyika", taxonomies={"phases": [phase]})
    assert PageFacets.objects.get(page_id=page.pk).tags == [f"kind:{page.kind_id}", f"phases:{phase.pk}"]
    page_id = page.pk
    page.delete()
    assert not PageFacets.objects.filter(page_id=page_id).exists()


@postgresql_only
def test_migrate_fills_the_rows_of_pages_indexed_before_the_table(client, index):
    phase = PhaseFactory(slug="construction")
    ResourcePageFactory(parent=index, title="Tanganyika", taxonomies={"phases": [phase]})
    PageFacets.objects.all().delete()  # as on a site upgraded to this version
    assert "phase" not in counts(client)
    call_command("migrate", verbosity=0)
    # Another URL: nothing a visitor sees changed, so the page cache (core/caching) still holds the first.
    assert counts(client, tri="date")["phase"] == {"construction": 1}
