"""PostgreSQL's fast path for a results page: the full-text match runs once, in one SQL statement.

Run by our search backend (backend.py), on the connection the database router gives for reads
(the replica when one is configured), with the tables named by the models.

Wagtail's backend would run the match (and rank every match) once per COUNT, per facet count and
for the page itself. Here one statement materialises the matching visible pages (a CTE read
through the index's GIN indexes, with each page's facet row: facet_index.py), then groups it for
the total and for every facet's counts (the rows' tags unnested: no join through the link tables)
and picks the one displayed page of results: title matches first, then the formula of Wagtail's
backend. The statement's SQL comes
from the ORM querysets the rest of the search uses (who may see what, each facet's filter), so
both paths select the same pages.

It reads at most the backend's COUNTED_MATCHES (1,000) matches plus one, title matches first: up
to there everything is exact; beyond, the total is « plus de 1 000 » and the facet counts are
those of the pages read (the work of a broad query no longer grows with its matches, except for
the GIN indexes' bitmaps).
"""

from collections import Counter
from dataclasses import dataclass, field
from functools import reduce
from operator import and_ as operator_and
from operator import or_ as operator_or

from django.contrib.contenttypes.models import ContentType
from django.contrib.postgres.search import SearchQuery
from django.db import transaction
from django.db.models import F

from modelsearch.utils import get_descendants_content_types_pks
from wagtail.models import Page
from wagtail.search.models import IndexEntry

from core.text import stemmed_text

from .facet_index import FACETS_TABLE, tag_prefix
from .facets import ContentTypeFacet, PageFacet

PAGE_TABLE = Page._meta.db_table
INDEX_TABLE = IndexEntry._meta.db_table
CONTENT_TYPE_TABLE = ContentType._meta.db_table
PAGE_ROWS = "#"  # marks the rows of the displayed page in the statement's output
TOTAL_ROW = ""  # marks the row carrying the total


@dataclass
class Summary:
    """What a results page needs besides the pages: the total, each facet's counts, the page's ids."""

    total: int
    counts: dict[str, Counter] = field(default_factory=dict)
    page_ids: list[int] | None = None  # best first; None when the page was not fetched with the counts
    offset: int = 0
    more: bool = False  # more matches than `total`: the statement stopped reading at its cap


def tsquery(text: str, operator: str, config: str) -> SearchQuery:
    """The tsquery of the folded, stemmed words, as the indexed `search_stems` fields hold them."""
    return reduce(
        operator_and if operator == "and" else operator_or,
        [SearchQuery(term, config=config, search_type="plain") for term in stemmed_text(text).split()],
    )


def tsquery_sql(text: str, operator: str, config: str, connection):
    """`tsquery()` as SQL with its parameters (a constant, built once per statement)."""
    compiler = IndexEntry.objects.all().query.get_compiler(connection=connection)
    return tsquery(text, operator, config).as_sql(compiler, connection)


def _sql(queryset, connection):
    return queryset.query.get_compiler(connection=connection).as_sql()


def _where_on_page_table(queryset, connection):
    """The WHERE clause of a page queryset, usable on `wagtailcore_page` joined under its own name."""
    query = queryset.query
    # Joins the ORM set up then trimmed (`not_type` filters on the content type id) count for nothing:
    # the page table alone is read, without a second probe of each match's page.
    used = [alias for alias in query.alias_map if query.alias_refcount.get(alias)]
    if used == [Page._meta.db_table] and query.base_table == Page._meta.db_table:
        compiler = query.get_compiler(connection=connection)
        sql, params = compiler.compile(query.where) if query.where else ("", [])
        if sql:
            return sql, list(params)
        return "TRUE", []
    sql, params = _sql(queryset.order_by().values("pk"), connection)
    return f'"{PAGE_TABLE}"."id" IN ({sql})', list(params)


def _related_tables(facet):
    """The value tables of a relation facet (one per related model; phases are phases everywhere)."""
    models = {facet_model._meta.get_field(facet.field).related_model for facet_model in facet.models()}
    return sorted(models, key=lambda model: model._meta.db_table)


def _flags(facets, selected, connection):
    """Per selected facet, a boolean SQL expression: does the page pass that facet's filter?

    A relation facet tests the page's facet row (`tags && the selected values' tags`), a content
    type its column; any other facet its own ORM filter. Yields (parameter, SQL, its parameters).
    """
    for facet in facets:
        values = selected[facet.param]
        if not values:
            continue
        if isinstance(facet, PageFacet):
            selected_tags, params = [], []
            for related in _related_tables(facet):
                ids = related.objects.filter(slug__in=values).values(value_id=F("pk"))
                ids_sql, ids_params = _sql(ids, connection)
                # Safe: ORM-compiled SQL; every value is a parameter.
                selected_tags.append(f"SELECT %s || x.value_id::text FROM ({ids_sql}) x")  # noqa: S608  # nosec B608 - ORM-compiled SQL, values are parameters
                params += [tag_prefix(facet), *ids_params]
            tags = " UNION ALL ".join(selected_tags)
            yield facet.param, f'COALESCE(f."tags" && ARRAY({tags})::varchar[], FALSE)', params
        elif isinstance(facet, ContentTypeFacet):
            yield facet.param, f'"{PAGE_TABLE}"."content_type_id" = ANY(%s)', [facet.content_type_ids(values)]
        else:
            restricted = facet.restrict(Page.objects.all(), values).order_by().values("pk")
            sql, restrict_params = _sql(restricted, connection)
            yield facet.param, f'"{PAGE_TABLE}"."id" IN ({sql})', list(restrict_params)


def _rank_sql(text, operator, config, connection):
    """The formula of Wagtail's PostgreSQL backend, on the index entry `e`, with its parameters."""
    query, tsquery_params = tsquery_sql(text, operator, config, connection)
    return f'ts_rank(e."title", {query}) * e."title_norm" + ts_rank(e."body", {query})', tsquery_params * 2


def _candidates_sql(base, flags, text, operator, order, config, connection, *, ranked):
    """The visible pages matching the text, title matches first, with facet flags and sort key.

    Two index scans read in turn: the pages whose title holds the words, then the others. Read
    through a CTE, they stop when the statement has what it needs (at most `cap` + 1 rows each
    for the counts and the page, summarise()): above the cap the work no longer grows with the
    matches, and within what was read the order is exact (title matches first, then the formula of
    Wagtail's PostgreSQL backend; or the newest first). `ranked` False leaves the relevance out.
    """
    query, tsquery_params = tsquery_sql(text, operator, config, connection)
    visible, visible_params = _where_on_page_table(base, connection)
    flag_columns, flag_params = [], []
    for name, (_, expression, params) in flags.items():
        flag_columns.append(f'{expression} AS "{name}"')
        flag_params += params
    # Title matches first: the query's stems begin words of the folded title, which the
    # autocomplete column holds (and its GIN index finds).
    stems = stemmed_text(text).split()  # \w+ words: nothing to escape in a tsquery
    joiner = " & " if operator == "and" else " | "
    prefixes = [joiner.join(f"{word}:*" for word in stems)]
    if order != "pertinence":
        sort_key, sort_params = f'"{PAGE_TABLE}"."last_published_at"', []
    elif ranked:
        sort_key, sort_params = _rank_sql(text, operator, config, connection)
    else:  # ranked later, on the rows kept only (summarise())
        sort_key, sort_params = "NULL::real", []
    columns = ", ".join(
        [
            f'"{PAGE_TABLE}"."id"',
            f'"{PAGE_TABLE}"."content_type_id"',
            'f."tags"',
            'e."id" AS "entry_id"',
            *flag_columns,
        ]
    )
    content_types = list(get_descendants_content_types_pks(Page))

    def scan(in_title, title_condition):
        # Testing the title and body columns separately lets PostgreSQL use their GIN indexes
        # (Wagtail's backend tests `title || body`, which no index covers).
        # Safe: ORM-compiled SQL and our own column names; every value is a parameter.
        sql = (
            f'SELECT {columns}, {in_title} AS "in_title", {sort_key} AS "sort_key" '  # noqa: S608  # nosec B608
            f'FROM "{INDEX_TABLE}" e '
            f'JOIN "{PAGE_TABLE}" ON "{PAGE_TABLE}"."id" = e."object_id"::bigint '
            f'LEFT JOIN "{FACETS_TABLE}" f ON f."page_id" = e."object_id"::bigint '
            f'WHERE e."content_type_id" = ANY(%s) AND (e."body" @@ {query} OR e."title" @@ {query}) '
            f"AND {title_condition} AND {visible}"
        )
        params = [*flag_params, *sort_params, content_types, *tsquery_params * 2, *prefixes, *visible_params]
        return sql, params

    in_title = "(e.\"autocomplete\" @@ to_tsquery('simple', %s))"
    titles, titles_params = scan("TRUE" if order == "pertinence" else "FALSE", in_title)
    others, others_params = scan("FALSE", f"{in_title} IS NOT TRUE")
    return f"({titles}) UNION ALL ({others})", [*titles_params, *others_params]


def summarise(
    base, facets, selected, text, operator, *, order, offset, limit, config, connection, cap
) -> Summary:
    """Total, facet counts (each under the other facets' filters) and one page of ids, in one query.

    `base` is the queryset of visible pages, `selected` the values chosen per facet parameter,
    `order` "pertinence" (Wagtail's ts_rank formula) or "date" (last published first), `config`
    the backend's text search configuration, `connection` the database connection to read.
    At most `cap` + 1 matches are used (_candidates_sql): beyond `cap`, the total is « more than
    `cap` » (`Summary.more`) and the facet counts are those of the first `cap` + 1 read.
    """
    flags = {f"ok_{number}": flag for number, flag in enumerate(_flags(facets, selected, connection))}
    flag_names = {param: name for name, (param, _, _) in flags.items()}
    # c: the matches, read lazily (each index scan once, however many CTEs read c); m: its first
    # rows, with a flag per selected facet, for the counts; r: the first rows passing every
    # selected facet, for the total and the page (the cap applies after the filters), ranked
    # through their index entry (the rows read for the counts only are never ranked).
    stream, params = _candidates_sql(base, flags, text, operator, order, config, connection, ranked=not flags)
    ctes = [f"c AS MATERIALIZED ({stream})", "m AS MATERIALIZED (SELECT * FROM c LIMIT %s)"]
    params.append(cap + 1)
    if flags:
        if order == "pertinence":
            sort_key, sort_params = _rank_sql(text, operator, config, connection)
        else:
            sort_key, sort_params = "c.sort_key", []
        every = " AND ".join(f'c."{name}"' for name in flags)
        ctes.append(
            # Safe: our own names; every value is a parameter.
            f"r AS MATERIALIZED (SELECT c.id, c.in_title, {sort_key} AS sort_key FROM c "  # noqa: S608  # nosec B608
            f'JOIN "{INDEX_TABLE}" e ON e."id" = c.entry_id WHERE {every} LIMIT %s)'
        )
        params += [*sort_params, cap + 1]
    results = "r" if flags else "m"

    def passing(skip=None):
        return " AND ".join(f'm."{name}"' for param, name in flag_names.items() if param != skip) or "TRUE"

    # Every branch yields (what, value, number); every literal goes through a parameter.
    # Safe: our own CTE names; every value is a parameter.
    branches = [f"SELECT %s::text, '', COUNT(*) FROM {results}"]  # noqa: S608  # nosec B608
    params.append(TOTAL_ROW)
    # The matches' tags, unnested and counted once per filter condition: once in all when no
    # relation facet is selected, else once more per selected one (counted under the others).
    tag_counts = {}  # condition -> name of its (tag, count) CTE
    for facet in facets:
        if isinstance(facet, PageFacet):  # a relation (kind, phases, roles): the facet rows' tags
            counted = tag_counts.setdefault(passing(facet.param), f"tags_{len(tag_counts)}")
            for values_table in _related_tables(facet):
                branches.append(
                    # Safe: our own names; every value is a parameter.
                    f'SELECT %s::text, v."slug", g.n FROM {counted} g '  # noqa: S608  # nosec B608
                    f'JOIN "{values_table._meta.db_table}" v ON g.tag = %s || v."id"::text'
                )
                params += [facet.param, tag_prefix(facet)]
        else:  # the content type, named like the model (counted per id, then named)
            branches.append(
                # Safe: our own flag names; every value is a parameter.
                "SELECT %s::text, t.model, g.n FROM (SELECT m.content_type_id, COUNT(*) AS n FROM m "  # noqa: S608  # nosec B608
                f"WHERE {passing(facet.param)} GROUP BY m.content_type_id) g "
                f'JOIN "{CONTENT_TYPE_TABLE}" t ON t.id = g.content_type_id'
            )
            params.append(facet.param)
    # The displayed page only: the rows are numbered to keep their order through UNION ALL.
    branches.append(
        # Safe: our own CTE name; every value is a parameter.
        f"SELECT %s::text, p.id::text, ROW_NUMBER() OVER () FROM (SELECT x.id FROM {results} x "  # noqa: S608  # nosec B608
        "ORDER BY x.in_title DESC, x.sort_key DESC, x.id DESC LIMIT %s OFFSET %s) p"
    )
    params += [PAGE_ROWS, limit, offset]
    for condition, name in tag_counts.items():
        ctes.append(
            # Safe: our own names and flag names; no value here.
            f"{name} AS (SELECT tag, COUNT(*) AS n FROM (SELECT unnest(m.tags) AS tag FROM m "  # noqa: S608  # nosec B608
            f"WHERE {condition}) u GROUP BY tag)"
        )
    sql = "WITH " + ", ".join(ctes) + " " + " UNION ALL ".join(f"({branch})" for branch in branches)

    summary = Summary(total=0, counts={facet.param: Counter() for facet in facets}, offset=offset)
    page_rows = []
    with transaction.atomic(using=connection.alias), connection.cursor() as cursor:
        # The index and facet rows are read from memory: random reads cost about what sequential
        # ones do. Said so for this statement only, PostgreSQL probes the facet rows' key for
        # each match instead of hashing whole tables (half the time at 100,000 pages).
        cursor.execute("SET LOCAL random_page_cost = 1.1")
        # A results page is one request among many: parallel workers would add their start-up to
        # every search without adding throughput (and their CPU time escapes the bench's reading).
        cursor.execute("SET LOCAL max_parallel_workers_per_gather = 0")
        # The matches are a small share of the pages: joining each to its page and facet row by key
        # costs in proportion to the matches, whereas the hash joins PostgreSQL estimates cheaper
        # read the whole page and facet tables, in proportion to the site (measured at 100,000
        # resources: 40 to 50 % of the statement saved; at 1,000,000 the gap grows tenfold).
        cursor.execute("SET LOCAL enable_hashjoin = off")
        cursor.execute("SET LOCAL enable_mergejoin = off")
        # The planner costs the matches' CTE as if every match were read (the LIMITs that stop it
        # are outside): past its threshold it JIT-compiles the statement, 40 ms for nothing.
        cursor.execute("SET LOCAL jit = off")
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    for what, value, number in rows:
        if what == TOTAL_ROW:
            summary.total, summary.more = min(number, cap), number > cap
        elif what == PAGE_ROWS:
            page_rows.append((number, int(value)))
        elif value is not None:
            summary.counts[what][value] += number  # a facet has one branch per page type
    summary.page_ids = [page_id for _, page_id in sorted(page_rows)]
    return summary
