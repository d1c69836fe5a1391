"""The two editorial workflows and who may read page feedback (documented in the README).

The workflows are attached to the guide and resource sections by `community.editorial
.ensure_editorial_setup()`, because those section pages do not exist yet on a fresh database.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

# workflow/task name -> reviewing groups. Administrators review both: a GroupApprovalTask locks the
# page for everyone outside its groups while it is in review, administrators included.
WORKFLOWS = {
    "Relecture coach": ["Coachs", "Administrateurs"],
    "Modération des contributions": ["Modérateurs", "Administrateurs"],
}
FEEDBACK_READERS = ["Coachs", "Modérateurs", "Administrateurs"]


def create_workflows(apps, schema_editor):
    for app_config in apps.get_app_configs():  # permissions of new models exist only after migrate
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    ContentType = apps.get_model("contenttypes", "ContentType")
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    task_type, _ = ContentType.objects.get_or_create(app_label="wagtailcore", model="groupapprovaltask")

    for name, group_names in WORKFLOWS.items():
        groups = [Group.objects.get_or_create(name=group_name)[0] for group_name in group_names]
        task = GroupApprovalTask.objects.filter(name=name).first()
        if task is None:
            task = GroupApprovalTask.objects.create(name=name, content_type=task_type, active=True)
        task.groups.set(groups)
        workflow, _ = Workflow.objects.get_or_create(name=name, defaults={"active": True})
        WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})

    view_feedback = Permission.objects.get(content_type__app_label="community", codename="view_pagefeedback")
    for group_name in FEEDBACK_READERS:
        group, _ = Group.objects.get_or_create(name=group_name)
        group.permissions.add(view_feedback)


def remove_workflows(apps, schema_editor):
    apps.get_model("wagtailcore", "Workflow").objects.filter(name__in=WORKFLOWS).delete()
    apps.get_model("wagtailcore", "Task").objects.filter(name__in=WORKFLOWS).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("community", "0004_page_feedback"),
        ("home", "0002_groups"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(create_workflows, remove_workflows)]
