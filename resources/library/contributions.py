"""Members' contributions: a proposed resource becomes a draft ResourcePage sent to moderation.

Decisions (README "Contributions des membres"):
- the contribution is a never-published ResourcePage under the resource index, credited to the
  member (`contributor`) and owned by their account; the workflow attached to the index
  ("Modération des contributions") starts on its first revision, so moderators get Wagtail's
  task email and nothing reaches the public before one of them approves;
- states the member sees: "publiée" (live), "en attente" (workflow in progress), "à corriger"
  (a moderator requested changes; their comment is shown), "refusée" (a moderator cancelled the
  moderation in the admin: "Annuler le processus de validation" — the page stays a draft);
- uploads are checked by their content (core/uploads.py), not only their name.
"""

from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.text import slugify

from wagtail.documents import get_document_model
from wagtail.models import Page, TaskState, WorkflowState

from .models.resources import ResourcePage

STATE_PUBLISHED = "publiée"
STATE_PENDING = "en attente"
STATE_CHANGES = "à corriger"
STATE_REFUSED = "refusée"
STATE_BADGES = {
    STATE_PUBLISHED: "success",
    STATE_PENDING: "info",
    STATE_CHANGES: "warning",
    STATE_REFUSED: "error",
}


def _unique_slug(parent, title: str) -> str:
    base = slugify(title)[:70] or "contribution"
    slug, n = base, 1
    while parent.get_children().filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug


def _store_document(upload, title: str, user):
    Document = get_document_model()
    document = Document(title=title, uploaded_by_user=user)
    document.file.save(upload.name, upload, save=False)
    document._set_document_file_metadata()
    document.save()
    return document


def _apply(page: ResourcePage, data: dict, user) -> None:
    """Copy the form's fields onto the page (the file, when given, replaces the document)."""
    page.title = data["title"]
    page.intro = data["intro"]
    page.kind = data["kind"]
    page.external_url = data.get("external_url") or ""
    if data.get("file"):
        page.document = _store_document(data["file"], data["title"], user)
    page.phases.set(data.get("phases") or [])
    page.roles.set(data.get("roles") or [])
    page.thematiques.set(data.get("thematiques") or [])


@transaction.atomic
def create_contribution(index, member, user, data: dict) -> ResourcePage:
    """A draft resource under the library `index`, credited to `member`, submitted to moderation."""
    if index is None:
        raise ValidationError("La bibliothèque de ressources n'existe pas encore : contribution impossible.")
    page = ResourcePage(live=False, contributor=member, owner=user)
    _apply(page, data, user)
    page.slug = _unique_slug(index, page.title)
    index.add_child(instance=page)
    page.save()  # parental many-to-many values are written on save
    page.save_revision(user=user, log_action=True)
    workflow = page.get_workflow()
    if workflow is not None:
        workflow.start(page, user)
    return page


@transaction.atomic
def resubmit_contribution(page: ResourcePage, user, data: dict) -> ResourcePage:
    """The member's correction: a new revision, and the moderation resumes where it stopped."""
    page = ResourcePage.objects.select_for_update().get(pk=page.pk)
    _apply(page, data, user)
    page.save()  # never published: the draft row itself may follow the member's text
    page.save_revision(user=user, log_action=True)
    state = latest_workflow_state(page)
    if state is not None and state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        state.resume(user)
    return page


def latest_workflow_state(page) -> WorkflowState | None:
    return (
        WorkflowState.objects.for_instance(page)
        .order_by("-created_at", "-pk")
        .select_related("current_task_state")
    ).first()


def member_contributions(member):
    return (
        ResourcePage.objects.filter(contributor=member)
        .select_related("kind")
        .order_by("-first_published_at", "-pk")
    )


@dataclass
class ContributionStatus:
    """What the member reads about one contribution: its state and the moderator's comment."""

    page: ResourcePage
    state: str
    comment: str = ""

    @property
    def badge(self) -> str:
        return STATE_BADGES[self.state]

    @property
    def can_correct(self) -> bool:
        return self.state == STATE_CHANGES


def contribution_status(
    page: ResourcePage, workflow_state: WorkflowState | None = None
) -> ContributionStatus:
    if page.live:
        return ContributionStatus(page, STATE_PUBLISHED)
    state = workflow_state if workflow_state is not None else latest_workflow_state(page)
    if state is None or state.status in (WorkflowState.STATUS_IN_PROGRESS, WorkflowState.STATUS_APPROVED):
        return ContributionStatus(page, STATE_PENDING)
    if state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        rejected = (
            TaskState.objects.filter(workflow_state=state, status=TaskState.STATUS_REJECTED)
            .order_by("-finished_at", "-pk")
            .first()
        )
        return ContributionStatus(page, STATE_CHANGES, rejected.comment if rejected else "")
    return ContributionStatus(page, STATE_REFUSED)


def contribution_statuses(member) -> list[ContributionStatus]:
    """Every contribution of the member with its state, in a constant number of queries."""
    pages = list(member_contributions(member))
    states: dict[str, WorkflowState] = {}
    page_type = ContentType.objects.get_for_model(Page)
    for state in WorkflowState.objects.filter(
        base_content_type=page_type, object_id__in=[str(page.pk) for page in pages]
    ).order_by("created_at", "pk"):
        states[state.object_id] = state  # the latest one wins
    return [contribution_status(page, states.get(str(page.pk))) for page in pages]
