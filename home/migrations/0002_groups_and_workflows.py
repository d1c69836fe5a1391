"""The four groups, what each may do, and the two editorial workflows (documented in the README).

Written by hand, once, when the migrations were re-cut: the group and workflow names are copied
from community/members/groups.py and home/editorial.py (a migration must not import app code that
may change). Per-section page permissions and the workflows' sections are bound later by
`home.editorial.ensure_editorial_setup()`, run by `setup_site`, because the sections do not exist yet.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

ADMINISTRATEURS, COACHS, MODERATEURS, MEMBRES = "Administrateurs", "Coachs", "Modérateurs", "Membres"

# Site-wide page permissions, replaced by per-section ones once the sections exist.
PAGE_PERMISSIONS = {
    ADMINISTRATEURS: ["add_page", "change_page", "publish_page", "bulk_delete_page", "lock_page", "unlock_page"],
    COACHS: ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"],
    MODERATEURS: ["change_page", "publish_page", "lock_page"],
    MEMBRES: [],
}
MEDIA = ["wagtaildocs.%s_document", "wagtailimages.%s_image"]
COLLECTION_PERMISSIONS = {
    ADMINISTRATEURS: ["add", "change", "delete", "choose"],
    COACHS: ["add", "change", "choose"],
    MODERATEURS: ["change", "choose"],
    MEMBRES: [],
}
TAXONOMIES = ["taxonomy.%s_phase", "taxonomy.%s_role", "taxonomy.%s_thematique"]
MODEL_PERMISSIONS = {
    COACHS: [
        "wagtailadmin.access_admin",
        *(template % action for template in TAXONOMIES for action in ("add", "change", "view")),
        *(f"library.{action}_resourcekind" for action in ("add", "change", "delete", "view")),
        "members.view_member",
        "feedback.view_pagefeedback",
        "onboarding.view_onboardingprogress",
    ],
    MODERATEURS: [
        "wagtailadmin.access_admin",
        "members.view_member",
        "feedback.view_pagefeedback",
        "onboarding.view_onboardingprogress",
    ],
    MEMBRES: ["members.contribute"],
}
# workflow (and its single task) -> reviewing groups. Administrators review both: a
# GroupApprovalTask locks the page for everyone outside its groups while it is in review.
WORKFLOWS = {
    "Relecture coach": [COACHS, ADMINISTRATEURS],
    "Modération des contributions": [MODERATEURS, ADMINISTRATEURS],
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


def create_groups(apps):
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
        if name == ADMINISTRATEURS:
            group.permissions.set(Permission.objects.all())
        else:
            group.permissions.set([get_permission(Permission, dotted) for dotted in MODEL_PERMISSIONS[name]])
        if root_page is not None:
            for codename in page_codenames:
                GroupPagePermission.objects.get_or_create(
                    group=group, page=root_page, permission=get_permission(Permission, f"wagtailcore.{codename}")
                )
        if root_collection is not None:
            for action in COLLECTION_PERMISSIONS[name]:
                for template in MEDIA:
                    GroupCollectionPermission.objects.get_or_create(
                        group=group, collection=root_collection, permission=get_permission(Permission, template % action)
                    )


def create_workflows(apps):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Group = apps.get_model("auth", "Group")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    task_type, _ = ContentType.objects.get_or_create(app_label="wagtailcore", model="groupapprovaltask")
    for name, group_names in WORKFLOWS.items():
        task = GroupApprovalTask.objects.filter(name=name).first()
        if task is None:
            task = GroupApprovalTask.objects.create(name=name, content_type=task_type, active=True)
        task.groups.set(Group.objects.filter(name__in=group_names))
        workflow, _ = Workflow.objects.get_or_create(name=name, defaults={"active": True})
        WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})


def forwards(apps, schema_editor):
    ensure_permissions(apps)
    create_groups(apps)
    create_workflows(apps)


def backwards(apps, schema_editor):
    apps.get_model("wagtailcore", "Workflow").objects.filter(name__in=WORKFLOWS).delete()
    apps.get_model("wagtailcore", "Task").objects.filter(name__in=WORKFLOWS).delete()
    apps.get_model("auth", "Group").objects.filter(name__in=PAGE_PERMISSIONS).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0001_initial"),
        ("taxonomy", "0001_initial"),
        ("members", "0002_initial"),
        ("startups", "0001_initial"),
        ("guides", "0002_initial"),
        ("library", "0002_initial"),
        ("feedback", "0002_initial"),
        ("onboarding", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailimages", "0027_image_description"),
        ("wagtailadmin", "0006_formstate"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
