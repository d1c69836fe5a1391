"""The people of the group tests: one account per role, from the anonymous visitor to the site moderator."""

import pytest

from tests.community.groups.factories import GroupFactory, coordinate, join
from tests.community.members.factories import make_user


@pytest.fixture
def roles(db):
    """anonymous (None), a member of the network, a group member, a coordinator, a site moderator."""
    return {
        "anonyme": None,
        "membre": make_user("camille.membre"),
        "membre_du_groupe": make_user("dominique.groupe"),
        "coordination": make_user("alex.coordination"),
        "moderation": make_user("sacha.moderation", ["Modérateurs"]),
    }


@pytest.fixture
def make_group(roles):
    """A group of the given visibility with its coordinator and one member."""

    def make(visibility="public", **fields):
        group = GroupFactory(visibility=visibility, **fields)
        coordinate(group, roles["coordination"])
        join(group, roles["membre_du_groupe"])
        return group

    return make
