"""Members' answers to the periodic « recommanderiez-vous la communauté ? » question (NPS)."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models


class NpsAnswer(models.Model):
    """One account's answer for one period (a quarter), or its « plus tard » (no score): asked once."""

    shown_on_public_pages = False  # only aggregates are shown, on /chiffres/ (core/caching)

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="compte", on_delete=models.CASCADE, related_name="nps_answers"
    )
    period = models.CharField("période", max_length=7, db_index=True, help_text="Trimestre, ex. : 2026-T4.")
    score = models.PositiveSmallIntegerField(
        "note", null=True, blank=True, validators=[MinValueValidator(0), MaxValueValidator(10)]
    )
    created_at = models.DateTimeField("date", auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = "réponse à la question de recommandation"
        verbose_name_plural = "réponses à la question de recommandation"
        constraints = [
            models.UniqueConstraint(fields=["user", "period"], name="health_one_nps_answer_per_period"),
            models.CheckConstraint(
                condition=models.Q(score__isnull=True) | models.Q(score__lte=10), name="health_nps_score_0_10"
            ),
        ]

    def __str__(self):
        return f"{self.period} — {'sans réponse' if self.score is None else self.score}"
