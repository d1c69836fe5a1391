"""What each process keeps in memory under the content generation (core/caching/memo.py): the view
restrictions, the site of a host and the menus are never older than the last change, with the page
cache off (so every request is computed) and with the cache server unreachable.

Outside a test transaction (`transaction=True`), as in production: a value computed inside a
transaction is never kept, so the suite's usual per-test transaction would test nothing here.
"""

from django.contrib.auth.models import Group
from django.db import connection, transaction
from django.test import override_settings
from django.test.utils import CaptureQueriesContext

from wagtail.models import Page, PageViewRestriction, Site

import pytest

from core.caching import memo
from tests.community.members.factories import make_user
from tests.core.services import free_port, production_caches
from tests.home.factories import ContentPageFactory
from tests.resources.library.factories import ResourceIndexPageFactory, ResourcePageFactory

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture(autouse=True)
def _page_cache_off(settings):
    settings.FABRIQUE_PAGE_CACHE = False


def suggested(client, query="zanzibar"):
    response = client.get("/recherche/suggestions/", {"q": query})
    assert response.status_code == 200
    return [item["title"] for item in response.json()["suggestions"]]


@pytest.fixture
def resource(home):
    return ResourcePageFactory(parent=ResourceIndexPageFactory(parent=home), title="Zanzibar, mode d'emploi")


def test_a_new_restriction_hides_the_page_at_the_next_request_and_its_removal_shows_it(client, resource):
    assert suggested(client) == ["Zanzibar, mode d'emploi"]  # the restrictions are now in memory
    restriction = PageViewRestriction.objects.create(
        page=resource, restriction_type=PageViewRestriction.LOGIN
    )
    assert suggested(client) == []
    assert client.get(resource.url).status_code == 302  # Wagtail's own check agrees
    client.force_login(make_user("camille"))
    assert suggested(client) == ["Zanzibar, mode d'emploi"]
    client.logout()
    restriction.delete()
    assert suggested(client) == ["Zanzibar, mode d'emploi"]


def test_changing_a_restrictions_groups_applies_at_the_next_request(client, resource):
    coaches, members = Group.objects.create(name="Coachs test"), Group.objects.create(name="Membres test")
    user = make_user("camille")
    user.groups.add(members)
    restriction = PageViewRestriction.objects.create(
        page=resource, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.add(coaches)
    client.force_login(user)
    assert suggested(client) == []
    restriction.groups.add(members)
    assert suggested(client) == ["Zanzibar, mode d'emploi"]
    restriction.groups.remove(members)
    assert suggested(client) == []


def test_moving_a_restricted_section_moves_what_it_hides(client, home, resource):
    private = ContentPageFactory(parent=home, title="Espace réservé")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    assert suggested(client) == ["Zanzibar, mode d'emploi"]
    Page.objects.get(pk=resource.pk).move(private, pos="last-child")
    assert suggested(client) == []


def test_a_site_answers_on_its_new_host_name_at_the_next_request(client, home):
    site = Site.objects.get(is_default_site=True)
    other_root = ContentPageFactory(parent=home, title="Racine de l'incubateur")
    other = Site.objects.create(hostname="incubateur.example", port=80, root_page=other_root)
    with override_settings(ALLOWED_HOSTS=["*"]):
        assert client.get("/", HTTP_HOST="incubateur.example").context["page"].pk == other_root.pk
        other.hostname = "nouvel-incubateur.example"
        other.save()
        # The former host name now falls back to the default site; the new one reaches the incubator.
        assert client.get("/", HTTP_HOST="incubateur.example").context["page"].pk == site.root_page_id
        assert client.get("/", HTTP_HOST="nouvel-incubateur.example").context["page"].pk == other_root.pk


def test_host_names_sent_by_clients_cannot_grow_the_memory_without_bound(client, home):
    with override_settings(ALLOWED_HOSTS=["*"]):
        for number in range(memo.MAX_KEYS * 3):
            assert client.get("/", HTTP_HOST=f"h{number}.example").status_code == 200
    assert len(memo._values["site-for-host"][1]) <= memo.MAX_KEYS


def test_a_new_menu_page_is_in_the_menu_at_the_next_request(client, home):
    assert "Nouvelle rubrique" not in client.get("/").content.decode()
    ContentPageFactory(parent=home, title="Nouvelle rubrique", show_in_menus=True)
    assert "Nouvelle rubrique" in client.get("/").content.decode()


def test_with_the_cache_unreachable_nothing_stale_is_served(client, resource):
    # The production caches on a closed port: each request then gets a generation of its own.
    with override_settings(CACHES=production_caches(f"redis://127.0.0.1:{free_port()}/0")):
        assert suggested(client) == ["Zanzibar, mode d'emploi"]
        PageViewRestriction.objects.create(page=resource, restriction_type=PageViewRestriction.LOGIN)
        assert suggested(client) == []


def test_a_second_request_reads_neither_the_site_nor_the_restrictions_again(client, resource):
    suggested(client)
    with CaptureQueriesContext(connection) as queries:
        assert suggested(client) == ["Zanzibar, mode d'emploi"]
    tables = " ".join(query["sql"] for query in queries.captured_queries)
    assert "wagtailcore_site" not in tables and "wagtailcore_pageviewrestriction" not in tables


def test_a_value_read_inside_a_rolled_back_transaction_is_not_kept(client, resource):
    PageViewRestriction.objects.create(page=resource, restriction_type=PageViewRestriction.LOGIN)
    assert suggested(client) == []

    class RolledBack(Exception):
        pass

    with pytest.raises(RolledBack), transaction.atomic():
        PageViewRestriction.objects.filter(page=resource).delete()
        assert suggested(client) == ["Zanzibar, mode d'emploi"]  # this transaction sees its own delete
        raise RolledBack
    assert PageViewRestriction.objects.filter(page=resource).exists()
    assert suggested(client) == []
