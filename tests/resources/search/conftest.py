"""The two search paths (resources/search/backend.py): our PostgreSQL backend's fast path, and the
generic path any engine gets (Wagtail's search API only), here on Wagtail's database backend."""

from django.db import connection

from wagtail.search.backends import get_search_backend

import pytest

from resources.search.backend import FabriqueSearchBackend

SEARCH_PATHS = {
    "rapide-postgresql": "resources.search.backend",
    "generique": "wagtail.search.backends.database",
}


@pytest.fixture(params=list(SEARCH_PATHS))
def search_path(request, settings):
    """Each test using it runs once per path, the engine chosen by settings as a deployment would."""
    fast = request.param == "rapide-postgresql"
    if fast and connection.vendor != "postgresql":
        pytest.skip("le chemin rapide est celui du backend PostgreSQL : cette base de test est SQLite")
    settings.WAGTAILSEARCH_BACKENDS = {
        "default": {"BACKEND": SEARCH_PATHS[request.param], "SEARCH_CONFIG": "french"}
    }
    assert isinstance(get_search_backend(), FabriqueSearchBackend) is fast
    return request.param
