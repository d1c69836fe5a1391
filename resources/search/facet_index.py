"""The facet index: beside each page's search entry, one row of its facet values (models.PageFacets).

A results page counts its matches per resource kind, phase and role (facets.py). Read from the
link tables, that is one join per match and per facet and page type: three quarters of a results
page at 100,000 resources. Our PostgreSQL backend therefore keeps one row per indexed page holding
"field:id" tags (`kind:3`, `phases:2`…), written with the page's index entry (entries.py: each
publication, `update_index` and the bench generator, in bulk), and again when a page's links change
(`m2m_changed`: modelcluster commits a page's phases and roles after the save that indexed it).
postgres.py reads the tags of the matches in the statement that finds them and counts them with
one GROUP BY. Only the values are stored: who may read a page is still decided on the page table.
"""

from django.db import connections, router
from django.db.models import F, ManyToManyField

from modelsearch.utils import get_descendants_content_types_pks
from wagtail.models import Page
from wagtail.search.backends import get_search_backend
from wagtail.search.models import IndexEntry

from .facets import PageFacet, site_facets
from .models import PageFacets

FACETS_TABLE = PageFacets._meta.db_table
# Pages per statement when filling rows for existing entries (after `migrate`).
FILL_CHUNK = 2000


def relation_facets() -> list[PageFacet]:
    """The facets on a page relation (kind, phases, roles), whose values the rows hold."""
    return [facet for facet in site_facets() if isinstance(facet, PageFacet)]


def tag_prefix(facet: PageFacet) -> str:
    return f"{facet.field}:"


def _links(facet: PageFacet, page_ids):
    """Per page type having the facet's relation, the (page_id, value_id) rows of these pages."""
    for model in facet.models():
        relation = model._meta.get_field(facet.field)
        if isinstance(relation, ManyToManyField):
            through = relation.remote_field.through
            fields = [f for f in through._meta.concrete_fields if f.is_relation]
            own = next(f for f in fields if f.related_model is model)
            other = next(f for f in fields if f.related_model is not model)
            rows = through.objects.filter(**{f"{own.attname}__in": page_ids})
            yield rows.values(page_id=F(own.attname), value_id=F(other.attname))
        else:
            rows = model._base_manager.filter(pk__in=page_ids, **{f"{relation.attname}__isnull": False})
            yield rows.values(page_id=F("pk"), value_id=F(relation.attname))


def write(page_ids, connection):
    """Write (or rewrite) the facet rows of these pages from their current links, in one statement."""
    page_ids = sorted({int(page_id) for page_id in page_ids})
    if not page_ids:
        return
    parts, params = [], []
    for facet in relation_facets():
        for rows in _links(facet, page_ids):
            sql, rows_params = rows.order_by().query.get_compiler(connection=connection).as_sql()
            # Safe: ORM-compiled SQL; every value is a parameter.
            parts.append(f"SELECT l.page_id, %s || l.value_id::text AS tag FROM ({sql}) l")  # noqa: S608  # nosec B608 - ORM-compiled SQL, values are parameters
            params += [tag_prefix(facet), *rows_params]
    links = " UNION ALL ".join(parts) or "SELECT NULL::integer AS page_id, NULL::text AS tag"
    with connection.cursor() as cursor:
        cursor.execute(
            # Safe: ORM-compiled SQL and the models' tables; every value is a parameter.
            f'INSERT INTO "{FACETS_TABLE}" (page_id, tags) '  # noqa: S608  # nosec B608
            "SELECT p.id, COALESCE(array_agg(l.tag ORDER BY l.tag) FILTER (WHERE l.tag IS NOT NULL), '{}') "
            f'FROM "{Page._meta.db_table}" p LEFT JOIN ({links}) l ON l.page_id = p.id '
            "WHERE p.id = ANY(%s) GROUP BY p.id "
            "ON CONFLICT (page_id) DO UPDATE SET tags = EXCLUDED.tags",
            [*params, page_ids],
        )


def delete(page_ids, connection):
    with connection.cursor() as cursor:
        cursor.execute(
            f'DELETE FROM "{FACETS_TABLE}" WHERE page_id = ANY(%s)',  # noqa: S608  # nosec B608
            [sorted(int(page_id) for page_id in page_ids)],
        )


def _indexing_backend():
    """Our PostgreSQL backend when it is the configured one; else None (another engine, SQLite)."""
    backend = get_search_backend()
    return backend if getattr(backend, "keeps_facet_rows", False) else None


def fill_missing(using=None, **kwargs):
    """Rows for the indexed pages lacking one (`post_migrate`): pages indexed before the table existed."""
    if _indexing_backend() is None:
        return
    connection = connections[using or router.db_for_write(IndexEntry)]
    if connection.vendor != "postgresql":
        return
    content_types = list(get_descendants_content_types_pks(Page))
    with connection.cursor() as cursor:
        cursor.execute(
            # Safe: the models' tables; every value is a parameter.
            f'SELECT e.object_id::integer FROM "{IndexEntry._meta.db_table}" e '  # noqa: S608  # nosec B608
            "WHERE e.content_type_id = ANY(%s) AND NOT EXISTS "
            f'(SELECT 1 FROM "{FACETS_TABLE}" f WHERE f.page_id = e.object_id::integer)',
            [content_types],
        )
        missing = [row[0] for row in cursor.fetchall()]
    for first in range(0, len(missing), FILL_CHUNK):
        write(missing[first : first + FILL_CHUNK], connection)


def links_changed(sender, instance, action, reverse, pk_set, **kwargs):
    """`m2m_changed` of a facet relation: the rows of the pages whose links changed are rewritten."""
    if action not in ("post_add", "post_remove", "post_clear"):
        return
    if _indexing_backend() is None:
        return
    # Links change from the page's side (the facet relations have no reverse accessor). A clear
    # from a term's side would name no page (pk_set None): those rows would wait for reindexing.
    page_ids = (pk_set or []) if reverse else [instance.pk]
    if page_ids:
        write(page_ids, connections[router.db_for_write(IndexEntry)])


def facet_link_tables():
    """The link tables (`through` models) of the facets' many-to-many relations, to watch."""
    for facet in relation_facets():
        for model in facet.models():
            relation = model._meta.get_field(facet.field)
            if isinstance(relation, ManyToManyField):
                yield relation.remote_field.through
