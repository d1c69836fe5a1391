"""Editors become staff: /admin/ now needs is_staff on top of the group's access_admin permission."""

from django.db import migrations

# Same list as community.staff.EDITOR_GROUPS (a migration must not import app code that may change).
EDITOR_GROUPS = ("Administrateurs", "Coachs", "Modérateurs")


def editors_are_staff(apps, schema_editor):
    User = apps.get_model("community", "User")
    User.objects.filter(groups__name__in=EDITOR_GROUPS, is_staff=False).update(is_staff=True)


class Migration(migrations.Migration):
    dependencies = [
        ("community", "0011_correction_proposals"),
        ("home", "0002_groups"),
    ]

    operations = [migrations.RunPython(editors_are_staff, migrations.RunPython.noop)]
