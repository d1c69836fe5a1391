"""Site search finds a group's threads only for those who may read the group."""

import pytest

from community.groups.models import GroupVisibility
from tests.community.discussions.factories import make_group, make_thread, roles

pytestmark = pytest.mark.django_db

FOUND = {
    GroupVisibility.PUBLIC: {"anonyme", "membre", "membre_du_groupe", "moderation"},
    GroupVisibility.MEMBERS: {"membre", "membre_du_groupe", "moderation"},
    GroupVisibility.PRIVATE: {"membre_du_groupe", "moderation"},
}


@pytest.mark.parametrize("visibility", list(FOUND))
def test_threads_in_search_follow_the_group_rule(client, visibility):
    group = make_group(visibility=visibility)
    people = roles(group)
    make_thread(group, people["coordination"], title="Tarification des cantines", body="Le mot ornithorynque")
    for role in ("anonyme", "membre", "membre_du_groupe", "moderation"):
        client.logout() if role == "anonyme" else client.force_login(people[role])
        for query in ("cantines", "ornithorynque"):
            page = client.get("/recherche/", {"q": query}).content.decode()
            assert ("Tarification des cantines" in page) == (role in FOUND[visibility]), (role, query)


def test_a_hidden_message_is_not_searched(client):
    group = make_group()
    people = roles(group)
    thread = make_thread(group, people["coordination"], title="Séminaire", body="Le mot ornithorynque")
    thread.messages.update(hidden=True)
    client.force_login(people["moderation"])
    assert "Séminaire" not in client.get("/recherche/", {"q": "ornithorynque"}).content.decode()
