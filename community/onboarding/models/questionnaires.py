"""The exit questionnaire: anonymous answers, read only in aggregate, and who already answered."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models


class ExitAnswer(models.Model):
    """One leaver's answers, kept without their account: coaches read them only in groups of five or more."""

    shown_on_public_pages = False  # bookkeeping, never on a cached public page (core/caching)

    # What the answers are grouped by; no account, no date: an answer cannot be traced to a person.
    path = models.ForeignKey(
        "onboarding.OnboardingPathPage",
        verbose_name="parcours de départ",
        null=True,
        on_delete=models.SET_NULL,
        related_name="exit_answers",
    )
    role = models.ForeignKey(
        "taxonomy.Role",
        verbose_name="rôle",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    incubator = models.ForeignKey(
        "startups.IncubatorPage",
        verbose_name="incubateur",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    went_well = models.TextField("ce qui s'est bien passé", blank=True)
    to_improve = models.TextField("ce qui serait à améliorer", blank=True)
    recommendation = models.PositiveSmallIntegerField(
        "recommanderiez-vous la communauté (0 à 10)",
        validators=[MinValueValidator(0), MaxValueValidator(10)],
    )

    class Meta:
        verbose_name = "réponse au questionnaire de départ"
        verbose_name_plural = "réponses au questionnaire de départ"

    def __str__(self):
        return f"Réponse {self.pk}"


class ExitAnswerReceipt(models.Model):
    """That an account answered a path's questionnaire (once), kept apart from the answer itself."""

    shown_on_public_pages = False

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="compte", on_delete=models.CASCADE, related_name="+"
    )
    path = models.ForeignKey(
        "onboarding.OnboardingPathPage", verbose_name="parcours", on_delete=models.CASCADE, related_name="+"
    )

    class Meta:
        verbose_name = "questionnaire de départ rempli"
        verbose_name_plural = "questionnaires de départ remplis"
        constraints = [
            models.UniqueConstraint(fields=["user", "path"], name="exit_answer_receipt_unique_path")
        ]

    def __str__(self):
        return f"{self.user} — {self.path_id}"
