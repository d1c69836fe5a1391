"""Our bulk index writes the very rows Wagtail's PostgreSQL index writes (resources/search/entries.py).

Each object is indexed twice, once by Wagtail's own `PostgresIndex.add_items` and once by ours,
and every column of the index entries is compared (the vectors as PostgreSQL prints them: lexemes,
positions and weights), for pages with a body, related fields, accents and empty fields.
"""

from django.db import connection

from modelsearch.backends.database.postgres.postgres import PostgresIndex
from wagtail.rich_text import RichText
from wagtail.search.backends import get_search_backend
from wagtail.search.models import IndexEntry

import pytest

from resources.library.models import ResourcePage
from resources.search.entries import BulkPostgresIndex
from tests.core.taxonomy.factories import PhaseFactory
from tests.resources.library.factories import (
    ResourceIndexPageFactory,
    ResourceKindFactory,
    ResourcePageFactory,
)

pytestmark = pytest.mark.django_db

COLUMNS = (
    "object_id",
    "title::text",
    "autocomplete::text",
    "body::text",
    "title_norm",
    "title_text",
    "body_text",
)


@pytest.fixture
def backend(settings):
    if connection.vendor != "postgresql":
        pytest.skip("l'index en masse est celui du backend PostgreSQL : cette base de test est SQLite")
    settings.WAGTAILSEARCH_BACKENDS = {
        "default": {"BACKEND": "resources.search.backend", "SEARCH_CONFIG": "french"}
    }
    return get_search_backend()


def entries():
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT {', '.join(COLUMNS)} FROM {IndexEntry._meta.db_table} "  # noqa: S608
            "WHERE content_type_id = %s ORDER BY object_id::bigint",
            [ResourcePage().cached_content_type.pk],
        )
        return cursor.fetchall()


def test_bulk_entries_equal_wagtails_own(home, backend):
    library = ResourceIndexPageFactory(parent=home)
    kind = ResourceKindFactory(name="Modèle de document", slug="modele")
    phase = PhaseFactory(name="Accélération", slug="acceleration")
    body = [
        ("paragraph", RichText("<p>Le <b>comité d'investissement</b> décide ; les équipes préparent.</p>"))
    ]
    ResourcePageFactory(
        parent=library,
        title="Préparer le comité d'investissement",
        kind=kind,
        body=body,
        taxonomies={"phases": [phase]},
    )
    ResourcePageFactory(parent=library, title="Œuvre collective : recruter", intro="", kind=kind)
    ResourcePageFactory(parent=library, title="  Hébergement   souverain ", intro="   ", kind=kind)
    pages = list(ResourcePage.objects.order_by("pk"))

    IndexEntry.objects.all().delete()
    PostgresIndex(backend).add_items(ResourcePage, pages)  # Wagtail's own rows
    wagtails = entries()
    IndexEntry.objects.all().delete()
    backend.add_bulk(ResourcePage, pages)  # ours
    ours = entries()
    IndexEntry.objects.all().delete()
    in_pairs = BulkPostgresIndex(backend)
    in_pairs.rows_per_statement = 2  # a batch larger than a statement: two INSERTs here
    in_pairs.add_items(ResourcePage, pages)

    assert len(ours) == len(pages) == 3
    assert ours == wagtails
    assert entries() == wagtails
    assert "'décid'" in ours[0][3] and "'docu'" in ours[0][3]  # the body and the kind's name
