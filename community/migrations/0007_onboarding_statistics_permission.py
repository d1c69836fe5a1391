"""Editors (Administrateurs, Coachs, Modérateurs) may read the onboarding follow-up report."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUPS = ["Administrateurs", "Coachs", "Modérateurs"]
CODENAME = "view_onboardingprogress"


def get_permission(apps):
    # Permissions are normally created after migrate; a fresh database needs this one now.
    app_config = apps.get_app_config("community")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Permission = apps.get_model("auth", "Permission")
    return Permission.objects.get(content_type__app_label="community", codename=CODENAME)


def grant(apps, schema_editor):
    permission = get_permission(apps)
    for group in apps.get_model("auth", "Group").objects.filter(name__in=GROUPS):
        group.permissions.add(permission)


def revoke(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    permission = Permission.objects.filter(content_type__app_label="community", codename=CODENAME).first()
    if permission is not None:
        for group in apps.get_model("auth", "Group").objects.filter(name__in=GROUPS):
            group.permissions.remove(permission)


class Migration(migrations.Migration):
    dependencies = [
        ("community", "0006_roles_onboarding_contacts"),
        ("home", "0002_groups"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
