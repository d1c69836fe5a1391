"""An index on Wagtail's page table for the header menu and footer (context_processors.py).

They list a root page's live children: `depth = n AND path LIKE 'root%'`. Wagtail indexes `path`
alone, and under the network's home page the prefix matches every page of the site (100,000
resources: a 15 ms scan on each request the page cache does not serve). Led by `depth`, the index
reads the few pages of that level only. Plain SQL, identical on SQLite and PostgreSQL, as the table
is Wagtail's: no model state changes.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0005_incubator_home_page"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.RunSQL(
            "CREATE INDEX IF NOT EXISTS home_page_depth_path ON wagtailcore_page (depth, path)",
            "DROP INDEX IF EXISTS home_page_depth_path",
        ),
    ]
