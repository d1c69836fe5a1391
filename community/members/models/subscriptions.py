"""What each account agreed to receive beyond account emails, and which digests already went out."""

from django.conf import settings
from django.db import models

# The kinds of optional emails, each with its own preference and its own one-click unsubscribe.
STAFF_DIGEST = "recapitulatif-equipe"
MEMBER_DIGEST = "nouveautes"
ONBOARDING_NUDGE = "relance-parcours"
EMAIL_KINDS = [
    (STAFF_DIGEST, "Récapitulatif hebdomadaire de relecture et de modération"),
    (MEMBER_DIGEST, "Nouveautés pour mon rôle et ma phase"),
    (ONBOARDING_NUDGE, "Relance quand mon parcours d'arrivée n'avance plus"),
]


class EmailPreferences(models.Model):
    """Digests and reminders an account accepts: each one can be turned off here or by one click."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name="compte",
        on_delete=models.CASCADE,
        related_name="email_preferences",
    )
    # Coaches and moderators get their weekly digest unless they turn it off; members ask for theirs.
    staff_digest = models.BooleanField(
        "récapitulatif hebdomadaire de relecture et de modération (coachs, modérateurs)", default=True
    )
    member_digest = models.BooleanField("nouveautés de la semaine pour mon rôle et ma phase", default=False)
    onboarding_reminders = models.BooleanField(
        "une relance quand mon parcours d'arrivée n'avance plus", default=True
    )
    updated_at = models.DateTimeField("modifiées le", auto_now=True)

    shown_on_public_pages = False  # a personal setting must not empty the page cache (core/caching)

    FIELD_OF_KIND = {
        STAFF_DIGEST: "staff_digest",
        MEMBER_DIGEST: "member_digest",
        ONBOARDING_NUDGE: "onboarding_reminders",
    }

    class Meta:
        verbose_name = "préférences de courriels"
        verbose_name_plural = "préférences de courriels"

    def __str__(self):
        return f"Préférences de courriels de {self.user}"

    def wants(self, kind: str) -> bool:
        return getattr(self, self.FIELD_OF_KIND[kind])


class DigestDelivery(models.Model):
    """One digest or reminder sent to one account for one period: never a second one for the same period.

    The row is written in the transaction that queues the email, so a scheduler that runs twice (or
    two schedulers at once) sends nothing new: the unique constraint settles the race.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="compte", on_delete=models.CASCADE, related_name="digests"
    )
    kind = models.CharField("courriel", max_length=30, choices=EMAIL_KINDS)
    # A week (« 2026-S49 ») for digests; for a reminder, the day the progress last moved.
    period = models.CharField("période", max_length=40)
    sent_at = models.DateTimeField("envoyé le", db_index=True)
    items = models.PositiveIntegerField("éléments", default=0)

    shown_on_public_pages = False  # bookkeeping of the scheduler (core/caching)

    class Meta:
        ordering = ["-sent_at", "-pk"]
        verbose_name = "récapitulatif envoyé"
        verbose_name_plural = "récapitulatifs envoyés"
        constraints = [
            models.UniqueConstraint(fields=["user", "kind", "period"], name="one_digest_per_period")
        ]

    def __str__(self):
        return f"{self.get_kind_display()} — {self.user} — {self.period}"
