"""An index on Wagtail's page table for the header menu and footer (context_processors.py), on PostgreSQL.

They list a root page's live children: `depth = n AND path LIKE 'root%'`. Wagtail indexes `path`
alone, and under the network's home page the prefix matches every page of the site (100,000
resources: a 15 ms scan on each request the page cache does not serve). Led by `depth`, the index
reads the few pages of that level only. Plain SQL, as the table is Wagtail's: no model state changes.

PostgreSQL only: SQLite's planner takes this index for every `depth = n AND path LIKE …` query
(treebeard's children and siblings), then fetches each row of that level one by one, which made the
first import of 942 startup fiches 50 % slower (13.5 s → 20.5 s), for a menu that SQLite's small
sites read in well under a millisecond anyway.
"""

from django.db import migrations

CREATE = "CREATE INDEX IF NOT EXISTS home_page_depth_path ON wagtailcore_page (depth, path)"
DROP = "DROP INDEX IF EXISTS home_page_depth_path"


def on_postgresql(sql):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0005_incubator_home_page"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(on_postgresql(CREATE), on_postgresql(DROP), elidable=False)]
