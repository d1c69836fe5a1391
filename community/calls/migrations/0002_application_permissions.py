"""Coaches and administrators read and decide applications in the admin (community/calls/viewsets.py),
scoped there to their incubators.

Group names are copied from community/members/groups.py (a migration must not import app code).
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

PERMISSIONS = {"Coachs": ["view_application", "change_application"], "Administrateurs": ["view_application", "change_application"]}


def forwards(apps, schema_editor):
    app_config = apps.get_app_config("calls")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codenames in PERMISSIONS.items():
        group = Group.objects.filter(name=name).first()
        if group is not None:
            group.permissions.add(*Permission.objects.filter(content_type__app_label="calls", codename__in=codenames))


class Migration(migrations.Migration):
    dependencies = [
        ("calls", "0001_initial"),
        ("home", "0002_groups_and_workflows"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
