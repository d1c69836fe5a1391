"""The four editorial groups and what each may do (documented in the README)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

PAGE_PERMISSIONS = {
    "Administrateurs": ["add_page", "change_page", "publish_page", "bulk_delete_page", "lock_page", "unlock_page"],
    "Coachs": ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"],
    "Modérateurs": ["change_page", "publish_page", "lock_page"],
    "Membres": [],
}
MEDIA = ["wagtaildocs.%s_document", "wagtailimages.%s_image"]
COLLECTION_PERMISSIONS = {
    "Administrateurs": ["add", "change", "delete", "choose"],
    "Coachs": ["add", "change", "choose"],
    "Modérateurs": ["change", "choose"],
    "Membres": [],
}
MODEL_PERMISSIONS = {
    "Coachs": [
        "wagtailadmin.access_admin",
        "home.add_phase", "home.change_phase", "home.view_phase",
        "home.add_role", "home.change_role", "home.view_role",
        "home.add_thematique", "home.change_thematique", "home.view_thematique",
        "community.view_member",
    ],
    "Modérateurs": ["wagtailadmin.access_admin", "community.view_member"],
    "Membres": ["community.contribute"],
}


def ensure_permissions(apps):
    # Permissions are normally created after migrate; a fresh database needs them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None


def get_permission(Permission, dotted):
    app_label, codename = dotted.split(".")
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def create_groups(apps, schema_editor):
    ensure_permissions(apps)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    root_page = Page.objects.filter(depth=1).first()
    root_collection = Collection.objects.filter(depth=1).first()

    for name, page_codenames in PAGE_PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=name)
        if name == "Administrateurs":
            group.permissions.set(Permission.objects.all())
        else:
            group.permissions.set(
                [get_permission(Permission, dotted) for dotted in MODEL_PERMISSIONS.get(name, [])]
            )
        if root_page is not None:
            for codename in page_codenames:
                GroupPagePermission.objects.get_or_create(
                    group=group,
                    page=root_page,
                    permission=get_permission(Permission, f"wagtailcore.{codename}"),
                )
        if root_collection is not None:
            for action in COLLECTION_PERMISSIONS[name]:
                for template in MEDIA:
                    GroupCollectionPermission.objects.get_or_create(
                        group=group,
                        collection=root_collection,
                        permission=get_permission(Permission, template % action),
                    )


def remove_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=PAGE_PERMISSIONS).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0001_initial"),
        ("community", "0003_member_links"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailimages", "0027_image_description"),
        ("wagtailadmin", "0006_formstate"),
    ]

    operations = [migrations.RunPython(create_groups, remove_groups)]
