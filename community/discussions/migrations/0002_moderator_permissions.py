"""Site moderators and administrators ban members from posting and follow reports in the admin
(community/discussions/viewsets.py). Group names are copied from community/members/groups.py."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

MODERATEURS, ADMINISTRATEURS = "Modérateurs", "Administrateurs"
CODENAMES = [
    *(f"{action}_postingban" for action in ("add", "change", "delete", "view")),
    "view_report",
    "change_report",
]


def forwards(apps, schema_editor):
    app_config = apps.get_app_config("discussions")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permissions = Permission.objects.filter(content_type__app_label="discussions", codename__in=CODENAMES)
    for group in Group.objects.filter(name__in=(MODERATEURS, ADMINISTRATEURS)):
        group.permissions.add(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("discussions", "0001_initial"),
        ("home", "0002_groups_and_workflows"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
