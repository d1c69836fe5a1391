"""Coaches write and publish calls for applications: page permissions on the calls section.

New sites get them from `home.editorial.ensure_editorial_setup()` (SECTION_PERMISSIONS), run when the
section is created; this grants them on sites whose calls section already exists, where that setup
ran before calls were a coach section. The group name and codenames are copied from
community/members/groups.py and home/editorial.py (a migration must not import app code).
"""

from django.db import migrations

COACHS = "Coachs"
CODENAMES = ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"]


def forwards(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    CallIndexPage = apps.get_model("calls", "CallIndexPage")
    group = Group.objects.filter(name=COACHS).first()
    if group is None:
        return
    permissions = Permission.objects.filter(content_type__app_label="wagtailcore", codename__in=CODENAMES)
    for page_id in CallIndexPage.objects.values_list("pk", flat=True):
        for permission in permissions:
            GroupPagePermission.objects.get_or_create(group=group, page_id=page_id, permission=permission)


class Migration(migrations.Migration):
    dependencies = [
        ("calls", "0002_application_permissions"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
