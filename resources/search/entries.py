"""Index entries written in bulk: the same rows as Wagtail's PostgreSQL index, each object read once.

Wagtail's indexer (modelsearch's `PostgresIndex.add_items`) reads every search field of an object
five times (title, body and autocomplete vectors, then the title and body texts for fuzzy search),
a StreamField's text extraction included, and builds each text's vector as a Django expression
compiled one by one. At 100,000 pages that was most of a rebuild (525 s for 16,000 resources).
Here each object's fields are read in one pass, and the SQL of the vectors is written directly:
the very expression Django compiles (`setweight(to_tsvector(config, text), weight)` per text,
joined by `||`), so the rows are identical (tests/resources/search/test_entries.py compares them).
The statement and its upsert are Wagtail's; so is the title norm refresh that follows. Each page's
facet row (facet_index.py) is written with its entries, in one statement per batch.
"""

from modelsearch.backends.database.postgres.postgres import ObjectIndexer, PostgresIndex
from modelsearch.index import AutocompleteField, SearchField
from modelsearch.utils import get_content_type_pk
from wagtail.models import Page
from wagtail.search.models import IndexEntry

from . import facet_index

VECTOR_SQL = "setweight(to_tsvector(%s::regconfig, COALESCE(%s, '')), %s)"
EMPTY_VECTOR_SQL = "''::tsvector"


def _vector(texts, config):
    """SQL and parameters of the vector of (text, weight) pairs, as Wagtail's `as_vector` builds it."""
    texts = [(text.strip(), weight) for text, weight in texts]
    texts = [(text, weight) for text, weight in texts if text]
    if not texts:
        return EMPTY_VECTOR_SQL, []
    params = []
    for text, weight in texts:
        params += [config, text, weight]
    return "(" + " || ".join([VECTOR_SQL] * len(texts)) + ")", params


def entry_row(obj, content_type_pk, backend):
    """SQL values and parameters of `obj`'s index entry, its search fields read once."""
    indexer = ObjectIndexer(obj, backend)
    titles, bodies, autocomplete = [], [], []
    for field in indexer.search_fields:
        for current, weight, value in indexer.prepare_field(obj, field):
            if isinstance(current, SearchField):
                (titles if current.field_name == "title" else bodies).append((value, weight))
            elif isinstance(current, AutocompleteField):
                autocomplete.append((value, weight))
    title_sql, title_params = _vector(titles, backend.config)
    autocomplete_sql, autocomplete_params = _vector(autocomplete, backend.autocomplete_config)
    body_sql, body_params = _vector(bodies, backend.config)
    title_text = " ".join(text.strip() for text, _ in titles if text.strip())
    body_text = " ".join(text.strip() for text, _ in bodies if text.strip())
    sql = f"(%s, %s, {title_sql}, {autocomplete_sql}, {body_sql}, 1.0, %s, %s)"
    return sql, [
        content_type_pk,
        indexer.id,
        *title_params,
        *autocomplete_params,
        *body_params,
        title_text,
        body_text,
    ]


class BulkPostgresIndex(PostgresIndex):
    """Wagtail's PostgreSQL index whose `add_items` reads each object's search fields once."""

    # Rows per INSERT: bounded so that one statement's parameters stay a few megabytes.
    rows_per_statement = 500

    def add_items(self, model, objs):
        if not model.get_search_fields():
            return
        objs = list(objs)
        if not objs:
            return
        content_type_pk = get_content_type_pk(model)
        for first in range(0, len(objs), self.rows_per_statement):
            rows, params = [], []
            for obj in objs[first : first + self.rows_per_statement]:
                sql, row_params = entry_row(obj, content_type_pk, self.backend)
                rows.append(sql)
                params += row_params
            with self.write_connection.cursor() as cursor:
                cursor.execute(
                    # Safe: our own SQL fragments and the model's table; every value is a parameter.
                    f'INSERT INTO "{IndexEntry._meta.db_table}" (content_type_id, object_id, title, '  # noqa: S608  # nosec B608
                    f"autocomplete, body, title_norm, title_text, body_text) VALUES {', '.join(rows)} "
                    "ON CONFLICT (content_type_id, object_id) DO UPDATE SET title = EXCLUDED.title, "
                    "title_norm = 1.0, autocomplete = EXCLUDED.autocomplete, body = EXCLUDED.body, "
                    "title_text = EXCLUDED.title_text, body_text = EXCLUDED.body_text",
                    params,
                )
        if issubclass(model, Page):
            facet_index.write([obj.pk for obj in objs], self.write_connection)
        self._refresh_title_norms()

    def delete_item(self, item):
        super().delete_item(item)
        if isinstance(item, Page):
            facet_index.delete([item.pk], self.write_connection)
