"""Coachs edit the resource kinds like the other taxonomies; administrators get every new permission."""

from django.db import migrations


CODENAMES = ["add_resourcekind", "change_resourcekind", "delete_resourcekind", "view_resourcekind"]


def grant(apps, schema_editor):
    from importlib import import_module

    ensure_permissions = import_module("home.migrations.0002_groups").ensure_permissions
    ensure_permissions(apps)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permissions = Permission.objects.filter(content_type__app_label="resources", codename__in=CODENAMES)
    for group in Group.objects.filter(name__in=["Coachs", "Administrateurs"]):
        group.permissions.add(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("resources", "0003_resource_library"),
        ("home", "0002_groups"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
