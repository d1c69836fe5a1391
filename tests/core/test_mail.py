"""Every email leaves through the `deliver_email` task after its transaction commits; a mail server
that is down never turns an action into an error page, and each failed attempt is logged and retried."""

import logging
import socket

from django.core import mail
from django.core.mail import EmailMultiAlternatives, send_mail
from django.db import transaction

from wagtail.models import WorkflowState

import pytest
from django_tasks import TaskResultStatus
from django_tasks.signals import task_finished

from resources.library.models import ResourcePage
from tests.admin_helpers import submit_for_review, workflow_action
from tests.home.factories import make_guide
from tests.resources.guides.factories import GuidePageFactory
from tests.resources.library.factories import ContributionPageFactory, ResourceKindFactory

pytestmark = pytest.mark.django_db

DELIVER_EMAIL = "core.mail.deliver_email"


@pytest.fixture
def deliveries():
    """The `deliver_email` task results, as the task framework reports them when each attempt ends."""
    finished = []

    def record(sender, task_result, **kwargs):
        if task_result.task.module_path == DELIVER_EMAIL:
            finished.append(task_result)

    task_finished.connect(record, dispatch_uid="tests-mail-deliveries")
    yield finished
    task_finished.disconnect(dispatch_uid="tests-mail-deliveries")


def recipients_of(results):
    return sorted(address for result in results for address in result.args[0]["to"])


@pytest.fixture
def smtp_down(settings):
    """Real SMTP delivery to a loopback port nobody listens on: every connection is refused."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    settings.FABRIQUE_EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", port, 5
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.FABRIQUE_EMAIL_ATTEMPTS = 3
    return port


def test_an_email_leaves_only_once_its_transaction_commits(django_capture_on_commit_callbacks, deliveries):
    message = EmailMultiAlternatives(
        "[Fabrique] Bienvenue",
        "Bonjour Camille,\n\nVotre compte est prêt.",
        "Fabrique <ne-pas-repondre@fabrique.localhost>",
        ["camille@beta.gouv.fr"],
        cc=["equipe@beta.gouv.fr"],
        reply_to=["contact@beta.gouv.fr"],
        headers={"Auto-Submitted": "auto-generated"},
    )
    message.attach_alternative("<p>Bonjour <strong>Camille</strong></p>", "text/html")
    message.attach("notes.txt", "des notes accentuées : é, à", "text/plain")
    with django_capture_on_commit_callbacks() as pending:
        with transaction.atomic():
            assert message.send() == 1
        assert mail.outbox == []  # queued, not sent, while the transaction is open
    assert len(pending) == 1
    pending[0]()  # the commit: the task is enqueued (and, in tests, run at once)

    assert [result.status for result in deliveries] == [TaskResultStatus.SUCCESSFUL]
    [sent] = mail.outbox
    assert sent.subject == "[Fabrique] Bienvenue"
    assert sent.body == "Bonjour Camille,\n\nVotre compte est prêt."
    assert sent.from_email == "Fabrique <ne-pas-repondre@fabrique.localhost>"
    assert sent.to == ["camille@beta.gouv.fr"] and sent.cc == ["equipe@beta.gouv.fr"]
    assert sent.reply_to == ["contact@beta.gouv.fr"]
    assert sent.extra_headers["Auto-Submitted"] == "auto-generated"
    assert sent.alternatives[0][0] == "<p>Bonjour <strong>Camille</strong></p>"
    assert sent.attachments[0][0] == "notes.txt"
    assert sent.attachments[0][1] in (
        b"des notes accentu\xc3\xa9es : \xc3\xa9, \xc3\xa0",
        "des notes accentuées : é, à",
    )


def test_nothing_is_sent_when_the_transaction_rolls_back(django_capture_on_commit_callbacks, deliveries):
    with (
        django_capture_on_commit_callbacks(execute=True) as pending,
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        send_mail("[Fabrique] Perdu", "Jamais envoyé.", None, ["camille@beta.gouv.fr"])
        raise RuntimeError("l'action échoue après avoir préparé son courriel")
    assert pending == []
    assert deliveries == []
    assert mail.outbox == []


def test_library_contribution_emails_go_through_the_task(client, sections, home, people, deliveries):
    contribuer = ContributionPageFactory(parent=home)
    kind = ResourceKindFactory(slug="modele", name="Modèle")
    client.force_login(people["member"])
    data = {"title": "Gabarit de revue", "intro": "Un modèle de revue.", "kind": kind.pk}
    assert client.post(contribuer.url, {**data, "external_url": "https://beta.gouv.fr/"}).status_code == 302
    # Wagtail's own "submitted" notification to the moderators travels through the queue too.
    assert recipients_of(deliveries) == sorted([people["moderator"].email, people["admin"].email])

    deliveries.clear()
    mail.outbox.clear()
    page = ResourcePage.objects.get(title="Gabarit de revue")
    client.force_login(people["moderator"])
    assert workflow_action(client, page, "approve").status_code == 302
    # resources/library/notifications.py tells the member, in the public site's words.
    assert recipients_of(deliveries) == [people["member"].email]
    assert [message.to for message in mail.outbox] == [[people["member"].email]]
    assert "est publiée" in mail.outbox[0].subject


def test_guide_review_emails_of_wagtail_go_through_the_task(client, sections, people, deliveries):
    guide = make_guide(sections, live=False)
    client.force_login(people["admin"])
    assert submit_for_review(client, guide).status_code == 302
    assert recipients_of(deliveries) == sorted([people["coach"].email, people["coach2"].email])
    assert all(result.status == TaskResultStatus.SUCCESSFUL for result in deliveries)
    assert mail.outbox[0].alternatives  # Wagtail's HTML version survives the queue


def test_improvement_proposal_email_goes_through_the_task(client, sections, people, deliveries):
    guide = GuidePageFactory(parent=sections["guides"], title="Guide du coach", coach=people["coach"])
    client.force_login(people["member"])
    response = client.post(f"/ameliorer/{guide.pk}/", {"text": "Ajouter un exemple de revue de sprint."})
    assert response.status_code == 302
    assert recipients_of(deliveries) == [people["coach"].email]
    assert "Ajouter un exemple de revue de sprint." in mail.outbox[0].body


def test_account_emails_go_through_the_task(client, home, deliveries):
    password = "une-phrase-de-passe-solide"  # noqa: S105
    response = client.post(
        "/compte/inscription/",
        {
            "first_name": "Camille",
            "last_name": "Durand",
            "email": "camille.durand@beta.gouv.fr",
            "password1": password,
            "password2": password,
        },
    )
    assert response.status_code == 302
    assert recipients_of(deliveries) == ["camille.durand@beta.gouv.fr"]
    assert mail.outbox[0].to == ["camille.durand@beta.gouv.fr"]


def test_smtp_down_the_moderator_still_approves_and_each_attempt_is_logged(
    client, sections, home, people, deliveries, smtp_down, caplog
):
    contribuer = ContributionPageFactory(parent=home)
    kind = ResourceKindFactory(slug="modele", name="Modèle")
    client.force_login(people["member"])
    data = {
        "title": "Gabarit de revue",
        "intro": "Un modèle.",
        "kind": kind.pk,
        "external_url": "https://beta.gouv.fr/",
    }
    assert client.post(contribuer.url, data).status_code == 302  # the moderators' email fails: no matter
    page = ResourcePage.objects.get(title="Gabarit de revue")

    deliveries.clear()
    caplog.clear()
    client.force_login(people["moderator"])
    with caplog.at_level(logging.WARNING, logger="core.mail"):
        response = workflow_action(client, page, "approve", comment="Merci.")
    assert response.status_code == 302  # a success, not an error page
    page.refresh_from_db()
    assert page.live
    assert WorkflowState.objects.get(object_id=str(page.pk)).status == WorkflowState.STATUS_APPROVED
    assert mail.outbox == []

    # Three attempts (FABRIQUE_EMAIL_ATTEMPTS), each recorded as failed with the refused connection,
    # each logged; the last one gives up, loudly.
    assert [result.args[1:] for result in deliveries] == [[3], [2], []]  # nested: the last ends first
    assert all(result.status == TaskResultStatus.FAILED for result in deliveries)
    assert all(
        result.errors[0].exception_class_path == "builtins.ConnectionRefusedError" for result in deliveries
    )
    mail_logs = [record for record in caplog.records if record.name == "core.mail"]
    assert [record.levelname for record in mail_logs] == ["WARNING", "WARNING", "ERROR"]
    assert "tentative 1 sur 3" in mail_logs[0].getMessage()
    assert people["member"].email in mail_logs[0].getMessage()
    assert "abandonné après 3 tentatives" in mail_logs[-1].getMessage()
