"""The facet rows of the PostgreSQL search backend: the table exists on PostgreSQL only.

Its array column has no SQLite type, and only our PostgreSQL backend reads or writes it; on
SQLite (the embedded default, Wagtail's database backend) the model exists in Django's state only.
Existing pages get their rows after `migrate` (facet_index.fill_missing, run on post_migrate).
"""

import django.contrib.postgres.fields
from django.db import migrations, models


def create_table(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.create_model(apps.get_model("search", "PageFacets"))


def drop_table(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.delete_model(apps.get_model("search", "PageFacets"))


class Migration(migrations.Migration):
    dependencies = [("search", "0002_readers_and_curators")]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="PageFacets",
                    fields=[
                        ("page_id", models.IntegerField(primary_key=True, serialize=False)),
                        (
                            "tags",
                            django.contrib.postgres.fields.ArrayField(
                                base_field=models.CharField(max_length=80), default=list, size=None
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "facettes d'une page indexée",
                        "verbose_name_plural": "facettes des pages indexées",
                    },
                ),
            ],
        ),
        migrations.RunPython(create_table, drop_table),
    ]
