"""Missions already stored came from the beta.gouv.fr import; coaches and administrators get the
permissions of the member admin (community/members/viewsets.py), scoped there to their incubators.

Group names are copied from community/members/groups.py (a migration must not import app code).
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

COACHS, ADMINISTRATEURS = "Coachs", "Administrateurs"
COACH_PERMISSIONS = [
    "view_member",
    "change_member",
    "view_mission",
    "change_mission",
    "view_claimrequest",
    "change_claimrequest",
]
# Claims are made by their person and merges by the merge action: nobody adds or edits them by hand.
ADMIN_PERMISSIONS = [
    *(f"{action}_{model}" for model in ("member", "mission") for action in ("add", "change", "delete", "view")),
    "view_claimrequest",
    "change_claimrequest",
    "view_membermerge",
]


def forwards(apps, schema_editor):
    Mission = apps.get_model("members", "Mission")
    Mission.objects.exclude(member__source="").update(imported=True)

    app_config = apps.get_app_config("members")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codenames in ((COACHS, COACH_PERMISSIONS), (ADMINISTRATEURS, ADMIN_PERMISSIONS)):
        group = Group.objects.filter(name=name).first()
        if group is not None:
            group.permissions.add(
                *Permission.objects.filter(content_type__app_label="members", codename__in=codenames)
            )


class Migration(migrations.Migration):
    dependencies = [
        ("members", "0003_claims_merges_and_mission_review"),
        ("home", "0002_groups_and_workflows"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
