"""A path page: steps grouped by moment, with their links, in a number of queries that does not grow."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from community.onboarding.models import OnboardingStep
from tests.community.members.factories import UserFactory
from tests.community.onboarding.factories import OnboardingIndexPageFactory, make_path
from tests.home.factories import ContentPageFactory

pytestmark = pytest.mark.django_db


def add_step_with_links(path, n, guide):
    path.steps.add(
        OnboardingStep(
            moment="mois",
            title=f"Étape {n}",
            sort_order=100 + n,
            links=[
                ("link", {"page": guide, "url": "", "label": ""}),
                ("link", {"page": None, "url": f"https://outil.example/{n}", "label": f"Outil {n}"}),
            ],
        )
    )
    path.save_revision().publish()


@pytest.fixture
def setup(home):
    guide = ContentPageFactory(parent=home, title="Le guide du premier jour", slug="guide")
    draft = ContentPageFactory(parent=home, title="Guide en brouillon", slug="brouillon", live=False)
    path = make_path(
        OnboardingIndexPageFactory(parent=home),
        "Arrivée",
        steps=[("semaine", "Deuxième", True), ("jour", "Première", False)],
    )
    first = path.steps.get(title="Première")
    first.links = [
        ("link", {"page": guide, "url": "", "label": ""}),
        ("link", {"page": draft, "url": "", "label": "Brouillon"}),
        ("link", {"page": None, "url": "https://messagerie.example/", "label": "Messagerie"}),
    ]
    first.duration_minutes = 90
    first.save()
    return path, guide


def test_steps_are_grouped_by_moment_with_links_duration_and_essential(client, setup):
    path, guide = setup
    html = client.get(path.url).content.decode()
    assert html.index("Premier jour") < html.index("Première") < html.index("Première semaine")
    assert html.index("Première semaine") < html.index("Deuxième")
    assert "Premier mois" not in html  # empty moments are not shown
    assert f'<a class="fr-link" href="{guide.url}">Le guide du premier jour</a>' in html
    assert "Brouillon" not in html
    assert 'href="https://messagerie.example/" target="_blank" rel="noopener"' in html
    assert "Durée : 1 h 30" in html
    assert "Facultative" in html and "Essentielle" in html


def test_path_page_query_count_does_not_grow_with_steps(client, setup, settings):
    settings.FABRIQUE_PAGE_CACHE = False  # measures rendering, not the page cache (tests/test_caching.py)
    path, guide = setup
    client.force_login(UserFactory())
    add_step_with_links(path, 1, guide)
    client.get(path.url)  # warm-up: session and site caches
    with CaptureQueriesContext(connection) as few:
        assert client.get(path.url).status_code == 200
    for n in range(2, 8):
        add_step_with_links(path, n, guide)
    with CaptureQueriesContext(connection) as many:
        html = client.get(path.url).content.decode()
    assert "Outil 7" in html
    assert len(many) == len(few)
