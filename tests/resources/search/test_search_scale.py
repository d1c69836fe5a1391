"""Search over many matches: facet counts, totals and pagination agree with the pages themselves.

The counts are checked against what the test created (not against another query of the code under
test), with facets selected and not, across two page types sharing the phases and roles facets.
"""

from collections import Counter
from itertools import cycle

from django.db import connection

from wagtail.models import PageViewRestriction

import pytest

from tests.core.taxonomy.factories import PhaseFactory, RoleFactory
from tests.resources.guides.factories import GuideIndexPageFactory, GuidePageFactory
from tests.resources.library.factories import (
    ResourceIndexPageFactory,
    ResourceKindFactory,
    ResourcePageFactory,
)

pytestmark = pytest.mark.django_db

RESOURCES = 45
GUIDES = 6


@pytest.fixture
def corpus(home):
    """45 resources and 6 guides that all match « atelier », with kinds, phases and roles in rotation."""
    library = ResourceIndexPageFactory(parent=home)
    guides = GuideIndexPageFactory(parent=home)
    kinds = [ResourceKindFactory(slug=slug) for slug in ("outil", "modele", "formation")]
    phases = [PhaseFactory(slug=slug) for slug in ("investigation", "construction", "acceleration")]
    roles = [RoleFactory(slug=slug) for slug in ("coach", "developpeur")]
    phase_sets = cycle([[phases[0]], [phases[1], phases[2]], [], [phases[0], phases[1], phases[2]]])
    role_sets = cycle([[roles[0]], [], [roles[0], roles[1]]])
    pages = []
    for number in range(RESOURCES):
        page_phases, page_roles = next(phase_sets), next(role_sets)
        page = ResourcePageFactory(
            parent=library,
            title=f"Atelier numéro {number}",
            kind=kinds[number % len(kinds)],
            taxonomies={"phases": page_phases, "roles": page_roles},
        )
        pages.append(("resourcepage", kinds[number % len(kinds)].slug, page_phases, page_roles, page))
    for number in range(GUIDES):
        page_phases, page_roles = next(phase_sets), next(role_sets)
        page = GuidePageFactory(parent=guides, title=f"Animer un atelier, étape {number}")
        page.phases.set(page_phases)
        page.roles.set(page_roles)
        page.save_revision().publish()
        pages.append(("guidepage", None, page_phases, page_roles, page))
    # Neither a draft nor a private page may be counted.
    ResourcePageFactory(parent=library, title="Atelier brouillon", kind=kinds[0], live=False)
    private = ResourcePageFactory(parent=library, title="Atelier réservé", kind=kinds[0])
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    return pages


def expected_counts(pages, kind=None, phase=None):
    """Each facet's counts under the other facets' filters, from the created pages."""

    def keep(entry, skip):
        _, page_kind, page_phases, _, _ = entry
        if kind and skip != "type" and page_kind != kind:
            return False
        return not (phase and skip != "phase" and phase not in {p.slug for p in page_phases})

    counts = {"contenu": Counter(), "type": Counter(), "phase": Counter(), "role": Counter()}
    for entry in pages:
        content_type, page_kind, page_phases, page_roles, _ = entry
        if keep(entry, "contenu"):
            counts["contenu"][content_type] += 1
        if keep(entry, "type") and page_kind:
            counts["type"][page_kind] += 1
        if keep(entry, "phase"):
            counts["phase"].update(p.slug for p in page_phases)
        if keep(entry, "role"):
            counts["role"].update(r.slug for r in page_roles)
    return {param: dict(values) for param, values in counts.items() if values}


def facet_counts(response):
    return {
        state.facet.param: {option.value: option.count for option in state.options if option.count}
        for state in response.context["facet_states"]
    }


def all_result_titles(client, params):
    """Every title over every results page, in order."""
    first = client.get("/recherche/", params)
    titles = []
    for number in range(1, first.context["page_obj"].paginator.num_pages + 1):
        response = client.get("/recherche/", {**params, "page": str(number)})
        titles += [entry["page"].title for entry in response.context["entries"]]
    return first, titles


@pytest.mark.parametrize(
    "filters",
    [{}, {"type": "modele"}, {"phase": "construction"}, {"type": "outil", "phase": "investigation"}],
)
def test_facet_counts_and_total_over_many_matches(client, corpus, filters):
    response = client.get("/recherche/", {"q": "ateliers", **filters})
    assert response.status_code == 200
    assert facet_counts(response) == expected_counts(corpus, filters.get("type"), filters.get("phase"))
    kept = [
        entry
        for entry in corpus
        if (not filters.get("type") or entry[1] == filters["type"])
        and (not filters.get("phase") or filters["phase"] in {p.slug for p in entry[2]})
    ]
    assert response.context["page_obj"].paginator.count == len(kept)


@pytest.mark.parametrize("sort", ["pertinence", "date"])
def test_pages_of_results_cover_every_match_once(client, corpus, sort):
    response, titles = all_result_titles(client, {"q": "atelier", "tri": sort})
    assert response.context["page_obj"].paginator.count == RESOURCES + GUIDES
    assert sorted(titles) == sorted(entry[4].title for entry in corpus)
    assert "Atelier brouillon" not in titles and "Atelier réservé" not in titles


def test_a_page_number_past_the_end_shows_the_last_page(client, corpus):
    last = client.get("/recherche/", {"q": "atelier", "page": "6"})
    beyond = client.get("/recherche/", {"q": "atelier", "page": "999"})
    assert beyond.context["page_obj"].number == last.context["page_obj"].number == 6
    assert [entry["page"].pk for entry in beyond.context["entries"]] == [
        entry["page"].pk for entry in last.context["entries"]
    ]
    assert len(last.context["entries"]) == (RESOURCES + GUIDES) - 50


def test_past_its_cap_the_postgresql_backend_says_more_than(client, corpus, settings):
    """Our backend reads at most COUNTED_MATCHES matches: the total becomes « plus de N », a selected
    facet still narrows every match (before the cap), and drafts and private pages stay out."""
    if connection.vendor != "postgresql":
        pytest.skip("le plafond est celui du backend PostgreSQL : cette base de test est SQLite")
    settings.WAGTAILSEARCH_BACKENDS = {
        "default": {"BACKEND": "resources.search.backend", "SEARCH_CONFIG": "french", "COUNTED_MATCHES": 20}
    }
    response, titles = all_result_titles(client, {"q": "atelier"})
    assert "Plus de 20 résultats pour « atelier »" in response.content.decode()
    assert "Nombres comptés sur les 20 premiers résultats" in response.content.decode()
    assert len(titles) == len(set(titles)) == 20
    assert "Atelier brouillon" not in titles and "Atelier réservé" not in titles
    # 15 « modèle » resources among the 51 matches: fewer than the cap once filtered, hence exact.
    modeles = client.get("/recherche/", {"q": "atelier", "type": "modele"})
    assert "15 résultats pour « atelier »" in modeles.content.decode()
    assert modeles.context["page_obj"].paginator.count == 15
    # Facet counts are those of the pages read: never more than the exact ones.
    exact = expected_counts(corpus)
    for param, counts in facet_counts(response).items():
        assert all(count <= exact[param][value] for value, count in counts.items())
