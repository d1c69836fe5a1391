"""Who reads a group's threads: every group type × every role, on the list, the thread and its files."""

import pytest

from community.groups.models import GroupVisibility
from tests.community.discussions.factories import make_group, make_thread, roles

pytestmark = pytest.mark.django_db

SECRET = "Notre budget confidentiel de 42 000 euros"
ROLES = ["anonyme", "membre", "membre_du_groupe", "coordination", "moderation"]
# visibility -> what the thread page answers to each role, in the order of ROLES
EXPECTED = {
    GroupVisibility.PUBLIC: dict(zip(ROLES, [200, 200, 200, 200, 200], strict=True)),
    GroupVisibility.MEMBERS: dict(zip(ROLES, [302, 200, 200, 200, 200], strict=True)),
    GroupVisibility.PRIVATE: dict(zip(ROLES, [404, 404, 200, 200, 200], strict=True)),
}


@pytest.mark.parametrize("visibility", list(EXPECTED))
@pytest.mark.parametrize("role", ["anonyme", "membre", "membre_du_groupe", "coordination", "moderation"])
def test_thread_pages_follow_the_group_rule(client, visibility, role):
    group = make_group(visibility=visibility)
    people = roles(group)
    thread = make_thread(group, people["coordination"], title="Budget du groupe", body=SECRET)
    if role != "anonyme":
        client.force_login(people[role])
    expected = EXPECTED[visibility][role]
    for url in (thread.get_absolute_url(), f"/groupes/{group.slug}/discussions/"):
        response = client.get(url)
        assert response.status_code == expected, (url, role)
        text = response.content.decode()
        if expected == 200:
            assert "Budget du groupe" in text
        else:
            assert "Budget du groupe" not in text and SECRET not in text
    if expected == 302:
        assert "/compte/connexion/" in response["Location"]


def test_reply_form_only_for_group_members(client):
    group = make_group()
    people = roles(group)
    thread = make_thread(group, people["coordination"])
    client.force_login(people["membre"])
    page = client.get(thread.get_absolute_url()).content.decode()
    assert "Rejoignez le groupe pour participer" in page and "Envoyer ma réponse" not in page
    assert client.post(thread.get_absolute_url(), {"body": "Je m'invite"}).status_code == 403
    client.force_login(people["membre_du_groupe"])
    assert "Envoyer ma réponse" in client.get(thread.get_absolute_url()).content.decode()
