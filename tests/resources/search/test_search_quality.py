"""Every query of the quality set finds its page in the top three of /recherche/, on both search paths."""

import pytest

from tests.resources.search.search_quality_cases import QUALITY_SET

# On both search paths: our PostgreSQL backend and the generic one (conftest.py).
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("search_path")]

TOP = 3


def test_quality_set_is_large_and_varied():
    assert len(QUALITY_SET) >= 25
    notes = " ".join(note for _, _, note in QUALITY_SET)
    for case in ("sans accent", "pluriel", "verbe", "faute d'une lettre", "plusieurs mots"):
        assert case in notes, case


def test_every_query_finds_its_page_in_the_first_three(client, demo_site):
    # One demo load for the whole set (it takes seconds); every miss is reported at once.
    misses = []
    for query, expected, note in QUALITY_SET:
        response = client.get("/recherche/", {"q": query})
        assert response.status_code == 200, query
        urls = [entry["page"].url for entry in response.context["entries"]]
        if expected not in urls[:TOP]:
            misses.append(f"« {query} » ({note}) : attendu {expected}, obtenu {urls[:TOP]}")
    assert not misses, "\n".join(misses)
