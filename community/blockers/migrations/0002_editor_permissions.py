"""Administrators define blockers and their recommendation rules (snippets, community/blockers/wagtail_hooks.py).

Group names are copied from community/members/groups.py (a migration must not import app code).
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

ADMINISTRATEURS = "Administrateurs"
PERMISSIONS = [
    f"{action}_{model}"
    for model in ("blocker", "recommendationrule")
    for action in ("add", "change", "delete", "view")
]


def forwards(apps, schema_editor):
    app_config = apps.get_app_config("blockers")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group = Group.objects.filter(name=ADMINISTRATEURS).first()
    if group is not None:
        group.permissions.add(
            *Permission.objects.filter(content_type__app_label="blockers", codename__in=PERMISSIONS)
        )


class Migration(migrations.Migration):
    dependencies = [
        ("blockers", "0001_initial"),
        ("home", "0002_groups_and_workflows"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
