"""Editorial workflows: created by migration, attached to sections, notifications by email."""

from django.core import mail
from django.core.management import call_command

from wagtail.models import GroupApprovalTask, Page, Workflow, WorkflowState

import pytest

from home.editorial import ensure_editorial_setup
from tests.admin_helpers import submit_for_review, workflow_action
from tests.home.factories import make_guide, make_resource

pytestmark = pytest.mark.django_db


def test_migration_creates_both_workflows_with_their_reviewers():
    coach_review = Workflow.objects.get(name="Relecture coach")
    moderation = Workflow.objects.get(name="Modération des contributions")
    for workflow, group in ((coach_review, "Coachs"), (moderation, "Modérateurs")):
        tasks = [task.specific for task in workflow.tasks.all()]
        assert len(tasks) == 1
        assert isinstance(tasks[0], GroupApprovalTask)
        assert {g.name for g in tasks[0].groups.all()} == {group, "Administrateurs"}
        assert workflow.active


def test_sections_get_their_workflow_as_soon_as_they_are_created(sections):
    assert sections["guides"].get_workflow().name == "Relecture coach"
    assert sections["ressources"].get_workflow().name == "Modération des contributions"
    assert make_guide(sections).get_workflow().name == "Relecture coach"
    assert make_resource(sections).get_workflow().name == "Modération des contributions"


def test_setup_is_idempotent(sections):
    assert ensure_editorial_setup() == {"workflows": 0, "permissions": 0}


def test_demo_sections_have_their_workflows(demo_site):
    guides = Page.objects.get(url_path="/accueil/guides/")
    resources = Page.objects.get(url_path="/accueil/ressources/")
    assert guides.get_workflow().name == "Relecture coach"
    assert resources.get_workflow().name == "Modération des contributions"
    call_command("load_demo", "--no-admin", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert Workflow.objects.filter(name="Relecture coach").count() == 1


def test_guide_submitted_in_the_admin_goes_to_coaches_then_submitter_hears_back(client, sections, people):
    guide = make_guide(sections, live=False)
    client.force_login(people["admin"])
    response = submit_for_review(client, guide, title="Guide relu")
    assert response.status_code == 302
    guide.refresh_from_db()
    state = WorkflowState.objects.get(object_id=str(guide.pk))
    assert state.workflow.name == "Relecture coach"
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert guide.current_workflow_task.name == "Relecture coach"

    # Reviewers (the Coachs group) get the task by email; nobody else does.
    recipients = sorted(address for message in mail.outbox for address in message.to)
    assert recipients == sorted([people["coach"].email, people["coach2"].email])
    assert "Guide relu" in mail.outbox[0].subject + mail.outbox[0].body
    assert mail.outbox[0].from_email == "Fabrique <ne-pas-repondre@fabrique.localhost>"
    assert mail.outbox[0].alternatives  # HTML version (WAGTAILADMIN_NOTIFICATION_USE_HTML)

    mail.outbox.clear()
    client.force_login(people["coach"])
    response = workflow_action(client, guide, "approve", comment="Très clair, merci.")
    assert response.status_code in (200, 302)
    guide.refresh_from_db()
    assert guide.live
    assert guide.title == "Guide relu"
    assert [message.to for message in mail.outbox] == [[people["admin"].email]]


def test_changes_requested_reach_the_submitter_with_the_comment(client, sections, people):
    guide = make_guide(sections, live=False)
    client.force_login(people["admin"])
    submit_for_review(client, guide)
    mail.outbox.clear()
    client.force_login(people["coach2"])
    workflow_action(client, guide, "reject", comment="Ajoutez un exemple concret.")
    guide.refresh_from_db()
    assert not guide.live
    assert [message.to for message in mail.outbox] == [[people["admin"].email]]
    assert "Ajoutez un exemple concret." in mail.outbox[0].body


def test_resource_goes_to_moderators_not_coaches(client, sections, people):
    resource = make_resource(sections, live=False)
    client.force_login(people["admin"])
    submit_for_review(client, resource)
    recipients = {address for message in mail.outbox for address in message.to}
    assert recipients == {people["moderator"].email}
    # A coach is not a reviewer of contributions.
    client.force_login(people["coach"])
    workflow_action(client, resource, "approve")
    resource.refresh_from_db()
    assert not resource.live
    client.force_login(people["moderator"])
    workflow_action(client, resource, "approve")
    resource.refresh_from_db()
    assert resource.live
