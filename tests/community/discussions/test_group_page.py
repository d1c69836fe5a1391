"""The group page shows its latest threads through `{% group_threads group %}`."""

import pytest

from community.groups.models import GroupVisibility
from tests.community.discussions.factories import join, make_group, make_person, make_thread

pytestmark = pytest.mark.django_db


def test_the_group_page_lists_its_threads(client):
    group = make_group()
    member = join(group, make_person("alice"))
    make_thread(group, member, title="Premier fil du groupe")
    page = client.get(f"/groupes/{group.slug}/").content.decode()
    assert "Premier fil du groupe" in page and f"/groupes/{group.slug}/discussions/" in page
    assert "Ouvrir un fil" not in page
    client.force_login(member)
    assert "Ouvrir un fil" in client.get(f"/groupes/{group.slug}/").content.decode()


def test_a_private_group_page_hides_its_threads(client):
    group = make_group("secret", visibility=GroupVisibility.PRIVATE)
    make_thread(group, join(group, make_person("alice")), title="Fil secret")
    client.force_login(make_person("bruno"))
    assert "Fil secret" not in client.get(f"/groupes/{group.slug}/").content.decode()
