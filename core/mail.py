"""Every email leaves through the task queue, after the transaction that caused it commits.

`EMAIL_BACKEND` is `QueuedEmailBackend`: whoever sends a message (our notifications, Wagtail's
workflow emails, allauth's account emails) hands it to this backend, which only enqueues a
`deliver_email` task once the current transaction commits — a rolled-back action sends nothing, and
a slow or unreachable mail server never holds up nor breaks a request. The worker
(`manage.py task_worker`, core/worker.py) delivers it through `FABRIQUE_EMAIL_DELIVERY_BACKEND`
(SMTP in production). A failed delivery is logged and tried again later, `FABRIQUE_EMAIL_ATTEMPTS`
times in all, each wait longer than the last; then it is given up, loudly.

Decisions: the backend, not each call site, does the queueing, so no email of a library can
bypass it. A message travels as JSON (the task queue stores arguments as JSON): its fields,
alternatives (HTML versions) and headers; attachments as base64.
"""

import base64
import logging
from datetime import timedelta
from email.mime.base import MIMEBase
from functools import partial

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.core.mail.backends.base import BaseEmailBackend
from django.db import transaction
from django.utils import timezone

from django_tasks import task

logger = logging.getLogger(__name__)


def message_to_dict(message) -> dict:
    """An `EmailMessage` (or `EmailMultiAlternatives`) as JSON-ready data."""
    attachments = []
    for attachment in message.attachments:
        if isinstance(attachment, MIMEBase):
            raise TypeError(
                "Une pièce jointe MIME ne peut pas passer par la file d'envoi : utilisez attach()."
            )
        filename, content, mimetype = attachment
        raw = content.encode() if isinstance(content, str) else content
        attachments.append([filename, base64.b64encode(raw).decode("ascii"), mimetype])
    return {
        "subject": str(message.subject),
        "body": str(message.body),
        "from_email": message.from_email,
        "to": list(message.to),
        "cc": list(message.cc),
        "bcc": list(message.bcc),
        "reply_to": list(message.reply_to),
        "headers": {str(name): str(value) for name, value in message.extra_headers.items()},
        "alternatives": [
            [str(content), mimetype] for content, mimetype in getattr(message, "alternatives", [])
        ],
        "content_subtype": message.content_subtype,
        "attachments": attachments,
    }


def message_from_dict(data: dict) -> EmailMultiAlternatives:
    message = EmailMultiAlternatives(
        subject=data["subject"],
        body=data["body"],
        from_email=data["from_email"],
        to=data["to"],
        cc=data["cc"],
        bcc=data["bcc"],
        reply_to=data["reply_to"],
        headers=data["headers"],
    )
    for content, mimetype in data["alternatives"]:
        message.attach_alternative(content, mimetype)
    message.content_subtype = data["content_subtype"]
    for filename, content, mimetype in data["attachments"]:
        message.attach(filename, base64.b64decode(content), mimetype)
    return message


def retry_delay(attempt: int) -> timedelta:
    """Wait before the attempt after `attempt`: the base delay, times 4 each time (1, 4, 16… min)."""
    return timedelta(seconds=settings.FABRIQUE_EMAIL_RETRY_DELAY * 4 ** (attempt - 1))


@task()
def deliver_email(message: dict, attempt: int = 1) -> int:
    """Send one queued message through the real backend; on failure, log and schedule the next try.

    The failure is raised again after scheduling, so the task queue records this attempt as failed
    (with its traceback) while the next attempt waits in the queue.
    """
    email = message_from_dict(message)
    recipients = ", ".join(email.recipients())
    attempts = settings.FABRIQUE_EMAIL_ATTEMPTS
    try:
        with get_connection(settings.FABRIQUE_EMAIL_DELIVERY_BACKEND) as connection:
            return connection.send_messages([email]) or 0
    except OSError as error:  # refused or lost connection, timeout, any SMTP error (smtplib's are OSError)
        if attempt < attempts:
            logger.warning(
                "Échec de l'envoi du courriel « %s » à %s (tentative %d sur %d) : %s. Nouvel essai prévu.",
                email.subject,
                recipients,
                attempt,
                attempts,
                error,
            )
            retry = deliver_email
            if retry.get_backend().supports_defer:
                retry = retry.using(run_after=timezone.now() + retry_delay(attempt))
            retry.enqueue(message, attempt + 1)
        else:
            logger.error(
                "Courriel « %s » à %s abandonné après %d tentatives : %s",
                email.subject,
                recipients,
                attempts,
                error,
            )
        raise


def enqueue_after_commit(message) -> None:
    """Queue the delivery of `message` once the current transaction commits (at once outside one)."""
    # robust: a queue that cannot be written to is logged; it never turns a saved action into an error.
    transaction.on_commit(partial(deliver_email.enqueue, message_to_dict(message)), robust=True)


class QueuedEmailBackend(BaseEmailBackend):
    """`EMAIL_BACKEND`: messages are queued for the worker, never sent from the request."""

    def send_messages(self, email_messages):
        for message in email_messages:
            enqueue_after_commit(message)
        return len(email_messages)
