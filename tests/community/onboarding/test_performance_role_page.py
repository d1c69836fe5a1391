"""The role page stays the same size and cost however many resources and members carry the role."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest
from bs4 import BeautifulSoup

from community.onboarding.models.roles import ROLE_PAGE_LIMIT
from tests.community.members.factories import MemberFactory
from tests.community.onboarding.factories import RoleIndexPageFactory, RolePageFactory
from tests.core.taxonomy.factories import RoleFactory
from tests.resources.library.factories import ResourceIndexPageFactory, ResourcePageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def role(home):
    role = RoleFactory(slug="designer", name="Designer")
    RolePageFactory(parent=RoleIndexPageFactory(parent=home), slug="designer", role=role)
    return role


def add_content(home, role, resources, members):
    library = home.get_children().type(ResourceIndexPageFactory._meta.model).first()
    library = library.specific if library else ResourceIndexPageFactory(parent=home)
    for _ in range(resources):
        ResourcePageFactory(parent=library, taxonomies={"roles": [role]})
    for _ in range(members):
        member = MemberFactory()
        member.roles.set([role])
        member.save()  # parental many-to-many: written on save


def render(client):
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/roles/designer/")
    assert response.status_code == 200
    return len(queries), BeautifulSoup(response.content, "html.parser")


def test_role_page_lists_a_bounded_number_of_pages_and_members_with_links_to_all(
    client, home, role, settings
):
    settings.FABRIQUE_PAGE_CACHE = False  # measures rendering, not the page cache (tests/test_caching.py)
    add_content(home, role, resources=3, members=3)
    render(client)  # warm the site and settings caches
    small_queries, small = render(client)
    assert len(small.select(".role-membres li")) == 3
    assert not small.find("a", string=lambda text: text and "membres de ce rôle" in text)

    add_content(home, role, resources=ROLE_PAGE_LIMIT + 5, members=ROLE_PAGE_LIMIT + 5)
    large_queries, large = render(client)

    assert large_queries == small_queries
    assert len(large.select(".role-membres li")) == ROLE_PAGE_LIMIT
    assert len(large.select("section[aria-labelledby='pages-liees'] li")) == ROLE_PAGE_LIMIT
    everyone = large.find("a", string=lambda text: text and "membres de ce rôle" in text)
    assert everyone["href"] == "/membres/?role=designer"
    assert f"Les {ROLE_PAGE_LIMIT + 8} membres" in everyone.get_text()
    all_resources = large.find("a", string="Toutes les ressources pour ce rôle")
    assert all_resources["href"] == "/ressources/?role=designer"
