"""Editorial setup that needs the section pages: workflows and per-section page permissions.

The data migration `home/0002_groups_and_workflows` creates the groups and workflows; the section
pages (/guides/, /ressources/…) are created later by `setup_site` or by an editor.
`ensure_editorial_setup()` binds the two, idempotently: it runs from `setup_site` and whenever a
section page is created.

Decisions (see the README's permission matrix):
- guides, roles and onboarding paths are the method: coaches write, review and publish them;
- resources are the members' contributions: moderators review and publish them, coaches don't;
- calls for applications are the incubators' own: their coaches write and publish them (the data
  migration `calls/0003_coach_call_pages` grants the same on sites whose calls section exists);
- once a group's sections exist, its site-wide (root) page permissions from the data migration
  are replaced by these per-section ones, so a moderator cannot edit a guide.
"""

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.db.models.signals import post_save

from wagtail.models import GroupPagePermission, Page, Workflow, WorkflowPage

from community.calls.models import CallIndexPage
from community.members.groups import COACHS, MODERATEURS
from community.onboarding.models import OnboardingIndexPage, RoleIndexPage
from resources.guides.models import GuideIndexPage
from resources.library.models import ResourceIndexPage

# Created by the data migration home/0002_groups_and_workflows, which copies these names.
COACH_REVIEW = "Relecture coach"
CONTRIBUTION_MODERATION = "Modération des contributions"

# section page type -> workflow attached to it (None: Wagtail's default workflow applies)
SECTION_WORKFLOWS = {
    GuideIndexPage: COACH_REVIEW,
    ResourceIndexPage: CONTRIBUTION_MODERATION,
}
# group -> (its sections, its page permissions on them)
SECTION_PERMISSIONS = {
    COACHS: (
        (GuideIndexPage, RoleIndexPage, OnboardingIndexPage, CallIndexPage),
        ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"],
    ),
    MODERATEURS: ((ResourceIndexPage,), ["change_page", "publish_page", "lock_page", "unlock_page"]),
}


def _section(model):
    return model.objects.order_by("path").first()


@transaction.atomic
def ensure_editorial_setup() -> dict:
    """Attach workflows and per-section permissions to the sections that exist; safe to re-run."""
    report = {"workflows": 0, "permissions": 0}
    for model, workflow_name in SECTION_WORKFLOWS.items():
        section = _section(model)
        workflow = Workflow.objects.filter(name=workflow_name).first()
        if section is None or workflow is None:
            continue
        _, created = WorkflowPage.objects.update_or_create(page=section, defaults={"workflow": workflow})
        report["workflows"] += created

    root = Page.get_first_root_node()
    for group_name, (models, codenames) in SECTION_PERMISSIONS.items():
        group = Group.objects.filter(name=group_name).first()
        sections = [section for section in map(_section, models) if section is not None]
        if group is None or not sections:
            continue
        permissions = Permission.objects.filter(content_type__app_label="wagtailcore", codename__in=codenames)
        for section in sections:
            for permission in permissions:
                _, created = GroupPagePermission.objects.get_or_create(
                    group=group, page=section, permission=permission
                )
                report["permissions"] += created
        if root is not None:
            GroupPagePermission.objects.filter(group=group, page=root).delete()
    return report


def _on_section_created(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        ensure_editorial_setup()


def connect_signals():
    section_models = {*SECTION_WORKFLOWS, *(m for models, _ in SECTION_PERMISSIONS.values() for m in models)}
    for model in section_models:
        post_save.connect(_on_section_created, sender=model, dispatch_uid=f"editorial-setup-{model.__name__}")
