"""Contributors hear about the moderators' decision in the public site's words, not the admin's.

Wagtail emails the requester of a workflow when it is approved or sent back, with a link to the
admin editor — useless to a member, who has no admin access. We take over Wagtail's two receivers
by connecting ours first under the same `dispatch_uid` (`resources.library` is listed before
`wagtail.admin` in INSTALLED_APPS, so Wagtail's own connect is then a no-op): editors with admin
access still get Wagtail's email unchanged; a member gets ours, linking to the published page or
to "Mes contributions" with the moderator's comment.
"""

from django.conf import settings
from django.core.mail import send_mail
from django.urls import reverse

from wagtail.admin.mail import WorkflowStateApprovalEmailNotifier, WorkflowStateRejectionEmailNotifier
from wagtail.models import WorkflowState
from wagtail.signals import workflow_approved, workflow_rejected


def has_admin_access(user) -> bool:
    return user.has_perm("wagtailadmin.access_admin")


def _site_url(path: str) -> str:
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def _member_requester(workflow_state, triggering_user):
    requester = workflow_state.requested_by
    if requester is None or requester == triggering_user or not requester.is_active or not requester.email:
        return None
    return None if has_admin_access(requester) else requester


class EditorsOnly:
    """Wagtail's notifier, minus requesters without admin access (they get `notify_contributor`)."""

    def get_recipient_users(self, workflow_state, **kwargs):
        return {
            user for user in super().get_recipient_users(workflow_state, **kwargs) if has_admin_access(user)
        }


class EditorsApprovalNotifier(EditorsOnly, WorkflowStateApprovalEmailNotifier):
    pass


class EditorsRejectionNotifier(EditorsOnly, WorkflowStateRejectionEmailNotifier):
    pass


def notify_contributor(workflow_state, approved: bool, user=None):
    member = _member_requester(workflow_state, user)
    if member is None:
        return
    page = workflow_state.content_object.specific
    title = page.get_latest_revision_as_object().title
    mine = _site_url(reverse("my_contributions"))
    if approved:
        page.refresh_from_db()
        subject = f"[Fabrique] Votre contribution « {title} » est publiée"
        where = _site_url(page.url) if page.live and page.url else mine
        body = (
            f"Bonjour,\n\nL'équipe de modération a accepté votre contribution « {title} ». "
            f"Elle est en ligne, à votre nom : {where}\n\n"
            "Merci de la partager avec le réseau !\n\n— La Fabrique"
        )
    else:
        task_state = workflow_state.current_task_state
        comment = task_state.specific.get_comment() if task_state else ""
        subject = f"[Fabrique] Votre contribution « {title} » est à corriger"
        body = f"Bonjour,\n\nL'équipe de modération vous demande de corriger votre contribution « {title} »."
        if comment:
            body += f"\n\nSon commentaire : « {comment} »"
        body += f"\n\nCorrigez-la puis renvoyez-la depuis « Mes contributions » : {mine}\n\n— La Fabrique"
    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [member.email])


_approval = EditorsApprovalNotifier()
_rejection = EditorsRejectionNotifier()


def _on_approved(sender, instance, user=None, **kwargs):
    _approval(instance, user=user, **kwargs)
    notify_contributor(instance, approved=True, user=user)


def _on_rejected(sender, instance, user=None, **kwargs):
    _rejection(instance, user=user, **kwargs)
    notify_contributor(instance, approved=False, user=user)


def connect_signals():
    """Called from LibraryConfig.ready(), before wagtail.admin registers its receivers."""
    workflow_approved.connect(
        _on_approved, sender=WorkflowState, dispatch_uid="workflow_state_approved_email_notification"
    )
    workflow_rejected.connect(
        _on_rejected, sender=WorkflowState, dispatch_uid="workflow_state_rejected_email_notification"
    )
