"""Coaches and administrators edit the help router's situations (snippets); moderators read them.

Group names are copied from community/members/groups.py (a migration must not import app code).
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

ADMINISTRATEURS, COACHS, MODERATEURS = "Administrateurs", "Coachs", "Modérateurs"
EDIT = [f"{action}_helpsituation" for action in ("add", "change", "delete", "view")]
GRANTS = {ADMINISTRATEURS: EDIT, COACHS: EDIT, MODERATEURS: ["view_helpsituation"]}


def forwards(apps, schema_editor):
    app_config = apps.get_app_config("help")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codenames in GRANTS.items():
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(*Permission.objects.filter(content_type__app_label="help", codename__in=codenames))


class Migration(migrations.Migration):
    dependencies = [("help", "0001_initial"), ("home", "0002_groups_and_workflows")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
