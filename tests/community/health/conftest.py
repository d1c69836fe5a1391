"""The key figures page under a home, and members who answer the NPS question."""

import pytest

from community.health.models import NpsAnswer
from community.health.nps import current_period
from community.members.models import Mission
from tests.community.members.factories import make_user
from tests.home.factories import KeyFiguresPageFactory


@pytest.fixture
def figures_page(home):
    return KeyFiguresPageFactory(parent=home)


def answers(scores, *, prefix="repondant", period=None, roles=(), missions=()):
    """One member per score, each answering for `period` (default: now) with these roles and missions."""
    users = []
    for index, score in enumerate(scores):
        user = make_user(f"{prefix}{index}")
        user.member.roles.add(*roles)
        user.member.save()
        for mission in missions:
            Mission.objects.create(member=user.member, startup=mission, start="2024-01-01")
        NpsAnswer.objects.create(user=user, period=period or current_period(), score=score)
        users.append(user)
    return users
