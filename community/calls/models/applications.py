"""An agent's application to a call: a draft they may resume, then a file the incubator decides on."""

import uuid

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.db import models


def private_storage():
    """Attachments live outside MEDIA_ROOT: only the admin's checked view serves them.

    A callable, so migrations name it rather than freezing one machine's directory.
    """
    return FileSystemStorage(location=settings.FABRIQUE_PRIVATE_MEDIA_ROOT, base_url=None)


def attachment_path(instance, filename):
    # A random folder: two applicants' files of the same name never meet, and no name is guessable.
    return f"candidatures/{uuid.uuid4().hex}/{filename}"


class ApplicationQuerySet(models.QuerySet):
    def submitted(self):
        return self.exclude(status=Application.DRAFT)

    def drafts(self):
        return self.filter(status=Application.DRAFT)


class Application(models.Model):
    """One account's application to one call: kept as a draft until sent, then decided by the incubator."""

    DRAFT, RECEIVED, REVIEWING, SELECTED, DECLINED = (
        "brouillon",
        "recue",
        "en_etude",
        "retenue",
        "non_retenue",
    )
    STATUSES = [
        (DRAFT, "Brouillon"),
        (RECEIVED, "Reçue"),
        (REVIEWING, "En étude"),
        (SELECTED, "Retenue"),
        (DECLINED, "Non retenue"),
    ]
    DECISIONS = STATUSES[1:]

    call = models.ForeignKey(
        "calls.CallPage", verbose_name="appel", on_delete=models.CASCADE, related_name="applications"
    )
    applicant = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="candidat·e",
        on_delete=models.CASCADE,
        related_name="call_applications",
    )
    status = models.CharField("statut", max_length=20, choices=STATUSES, default=DRAFT, db_index=True)
    project_title = models.CharField("intitulé du projet", max_length=200, blank=True)
    administration = models.CharField("administration", max_length=200, blank=True)
    problem = models.TextField("problème à résoudre", blank=True)
    motivation = models.TextField("pourquoi vous", blank=True)
    attachment = models.FileField(
        "pièce jointe", upload_to=attachment_path, storage=private_storage, blank=True, max_length=300
    )
    note = models.TextField(
        "message au candidat",
        blank=True,
        help_text="Joint au courriel envoyé à chaque décision.",
    )
    created_at = models.DateTimeField("commencée le", auto_now_add=True)
    updated_at = models.DateTimeField("modifiée le", auto_now=True)
    submitted_at = models.DateTimeField("envoyée le", null=True, blank=True)
    decided_at = models.DateTimeField("décidée le", null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="décidée par",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # Set when the deadline reminder leaves: one reminder per draft, whatever the cron's rhythm.
    reminded_at = models.DateTimeField("relance envoyée le", null=True, blank=True)

    objects = ApplicationQuerySet.as_manager()

    # Bookkeeping, not page content: saving one never empties the anonymous page cache.
    shown_on_public_pages = False

    class Meta:
        verbose_name = "candidature"
        verbose_name_plural = "candidatures"
        ordering = ["-submitted_at", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["call", "applicant"], name="one_application_per_call_and_account")
        ]

    def __str__(self):
        return f"{self.project_title or 'Sans titre'} — {self.call.title}"

    @property
    def attachment_name(self) -> str:
        return self.attachment.name.rsplit("/", 1)[-1] if self.attachment else ""
