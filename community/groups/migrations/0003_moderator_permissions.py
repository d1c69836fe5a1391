"""Site moderators and administrators manage working groups in the admin (community/groups/viewsets.py).
Group names are copied from community/members/groups.py (a migration must not import app code).
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

EDITORS = ("Modérateurs", "Administrateurs")
CODENAMES = [f"{action}_group" for action in ("add", "change", "delete", "view")]


def forwards(apps, schema_editor):
    app_config = apps.get_app_config("groups")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permissions = Permission.objects.filter(content_type__app_label="groups", codename__in=CODENAMES)
    for group in Group.objects.filter(name__in=EDITORS):
        group.permissions.add(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("groups", "0002_group_listed_invitation_sharedresource"),
        ("home", "0002_groups_and_workflows"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
