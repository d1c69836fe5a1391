"""Members' proposals to improve a guide page, kept until the guide's coach has dealt with them."""

from django.conf import settings
from django.db import models


class CorrectionProposal(models.Model):
    """ "Proposer une amélioration": Wagtail tasks need a revision, a member's text is not one."""

    page = models.ForeignKey(
        "wagtailcore.Page", verbose_name="page", on_delete=models.CASCADE, related_name="correction_proposals"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="proposé par",
        null=True,
        on_delete=models.SET_NULL,
        related_name="correction_proposals",
    )
    # The coach at the time of the proposal (None: the Coachs group as a whole).
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="coach destinataire",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="assigned_correction_proposals",
    )
    text = models.TextField("proposition")
    created_at = models.DateTimeField("reçue le", auto_now_add=True)
    done = models.BooleanField("traitée", default=False)

    class Meta:
        verbose_name = "proposition d'amélioration"
        verbose_name_plural = "propositions d'amélioration"
        ordering = ["done", "-created_at"]

    def __str__(self):
        return f"Amélioration proposée pour « {self.page.title} »"
