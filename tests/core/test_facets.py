"""Faceted listings: filters combine, counts follow the other filters, bad input is ignored."""

from django.test import RequestFactory

import pytest

from community.members.models import Member
from core.listing import Facet, FacetedListing, Sort
from core.taxonomy.models import Role
from tests.community.members.factories import MemberFactory
from tests.core.taxonomy.factories import RoleFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def members():
    coach, dev = RoleFactory(slug="coach-t", name="Coach"), RoleFactory(slug="dev-t", name="Dév")
    alice = MemberFactory(full_name="Alice", mentoring=True)
    alice.roles.set([coach, dev])
    alice.save()  # parental many-to-many relations are written on save
    bob = MemberFactory(full_name="Bob")
    bob.roles.set([dev])
    bob.save()
    carla = MemberFactory(full_name="Carla", mentoring=True)
    carla.roles.set([coach])
    carla.save()
    return alice, bob, carla


def listing(query_string):
    request = RequestFactory().get("/annuaire/?" + query_string)
    facets = [
        Facet(
            "role",
            "Rôle",
            "roles__slug",
            lambda: list(Role.objects.filter(slug__endswith="-t").values_list("slug", "name")),
        ),
    ]
    return FacetedListing(
        request,
        Member.objects.all(),
        facets,
        sorts={"nom": Sort("Nom", ("full_name",)), "recent": Sort("Récent", ("-id",))},
        text_filter=lambda qs, q: qs.filter(full_name__icontains=q),
        per_page=2,
    )


def names(listing_obj):
    return [m.full_name for m in listing_obj.results]


def test_no_filter_lists_everything_with_counts(members):
    view = listing("")
    assert names(view) == ["Alice", "Bob", "Carla"]
    (state,) = view.facet_states()
    assert {(o.value, o.count) for o in state.options} == {("coach-t", 2), ("dev-t", 2)}


def test_values_of_one_facet_are_ored_and_text_query_applies(members):
    assert names(listing("role=coach-t")) == ["Alice", "Carla"]
    assert names(listing("role=coach-t&role=dev-t")) == ["Alice", "Bob", "Carla"]
    view = listing("role=dev-t&q=bo")
    assert names(view) == ["Bob"]
    (state,) = view.facet_states()
    assert {(o.value, o.count) for o in state.options} == {("dev-t", 1)}


def test_forged_values_and_pages_are_ignored(members):
    view = listing("role=inconnu&role=%00&page=999999999999&tri=drop+table")
    assert names(view) == ["Alice", "Bob", "Carla"]
    assert view.page().number == 2
    assert view.sort == "nom"


def test_querystring_and_removal_links_keep_the_state(members):
    view = listing("role=coach-t&q=a&tri=recent&page=2")
    assert view.querystring() == "q=a&role=coach-t&tri=recent"
    (link,) = view.removal_links()
    assert link["label"] == "Rôle : Coach"
    assert "role=" not in link["query"] and "page" not in link["query"]


def test_query_count_does_not_grow_with_page_size(members, django_assert_max_num_queries):
    view = listing("role=coach-t")
    with django_assert_max_num_queries(4):
        context = view.context()
        list(context["page_obj"])
