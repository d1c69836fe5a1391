"""Bookkeeping of who is who: requests to claim a fiche, and the history of merged profiles."""

from django.conf import settings
from django.db import models
from django.db.models import Q


class ClaimRequest(models.Model):
    """« Êtes-vous … ? »: an account says an imported fiche is theirs; a coach or an administrator decides."""

    PENDING, APPROVED, REFUSED = "en_attente", "acceptee", "refusee"
    STATUSES = [(PENDING, "En attente"), (APPROVED, "Acceptée"), (REFUSED, "Refusée")]

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="compte", on_delete=models.CASCADE, related_name="fiche_claims"
    )
    member = models.ForeignKey(
        "members.Member", verbose_name="fiche demandée", on_delete=models.CASCADE, related_name="claims"
    )
    message = models.TextField(
        "message",
        blank=True,
        max_length=1000,
        help_text="Ce qui permet de vous reconnaître : startup, période, ancienne adresse…",
    )
    status = models.CharField("statut", max_length=20, choices=STATUSES, default=PENDING, db_index=True)
    created_at = models.DateTimeField("demandée le", auto_now_add=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="décidée par",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    decided_at = models.DateTimeField("décidée le", null=True, blank=True)

    shown_on_public_pages = False  # a request must not empty the page cache (core/caching)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = "demande de fiche"
        verbose_name_plural = "demandes de fiche"
        constraints = [
            models.UniqueConstraint(
                fields=["user", "member"],
                condition=Q(status="en_attente"),
                name="one_pending_claim_per_fiche",
            )
        ]

    def __str__(self):
        return f"{self.user} → {self.member}"


class MemberMerge(models.Model):
    """One merge of two profiles of the same person: what was absorbed into what, by whom, when."""

    AUTOMATIC, MANUAL = "adresse", "administration"
    REASONS = [(AUTOMATIC, "Adresse vérifiée de la fiche"), (MANUAL, "Fusion dans l'administration")]

    kept = models.ForeignKey(
        "members.Member",
        verbose_name="profil conservé",
        null=True,
        on_delete=models.SET_NULL,
        related_name="merges",
    )
    kept_slug = models.CharField("identifiant conservé", max_length=150)
    absorbed_slug = models.CharField("identifiant absorbé", max_length=150)
    absorbed_name = models.CharField("nom absorbé", max_length=200)
    absorbed_source = models.CharField("source du profil absorbé", max_length=300, blank=True)
    missions_moved = models.PositiveIntegerField("missions déplacées", default=0)
    details = models.JSONField("détail", default=dict, blank=True)
    reason = models.CharField("motif", max_length=20, choices=REASONS, default=MANUAL)
    merged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="fusionné par",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    merged_at = models.DateTimeField("fusionné le", auto_now_add=True)

    shown_on_public_pages = False  # history for administrators only (core/caching)

    class Meta:
        ordering = ["-merged_at", "-pk"]
        verbose_name = "fusion de profils"
        verbose_name_plural = "fusions de profils"

    def __str__(self):
        return f"{self.absorbed_slug} → {self.kept_slug}"
