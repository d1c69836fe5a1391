"""The "J'arrive" landing offers no incubator choice: the placeholder for a model that never existed is gone.

Paths are per role; per-incubator variants of the method come with the incubator network (issue 18).
"""

import pytest

from tests.community.onboarding.factories import OnboardingIndexPageFactory, make_path
from tests.community.startups.factories import incubator
from tests.core.taxonomy.factories import RoleFactory

pytestmark = pytest.mark.django_db


def test_landing_has_no_incubator_choice_even_with_incubator_pages(client, home):
    index = OnboardingIndexPageFactory(parent=home)
    incubator(home, "fabrique-des-territoires", "La Fabrique des territoires")
    RoleFactory(slug="coach", name="Coach")
    html = client.get(index.url).content.decode()
    assert 'name="role" value="coach"' in html
    assert 'name="incubateur"' not in html
    assert "Votre incubateur" not in html


def test_a_stale_incubator_parameter_is_ignored(client, home):
    index = OnboardingIndexPageFactory(parent=home)
    role = RoleFactory(slug="coach", name="Coach")
    path = make_path(index, "Parcours des coachs", roles=[role])
    response = client.get(f"{index.url}?role=coach&incubateur=inconnu")
    assert response.status_code == 302
    assert response["Location"] == path.url
