"""A small network: a seeker on « Cantine », mentors elsewhere, a teammate, and people who hide."""

import pytest

from tests.community.mentoring.factories import build_network


@pytest.fixture
def network(home):
    return build_network(home)
