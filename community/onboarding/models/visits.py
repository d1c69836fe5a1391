"""What a member has already seen: the guides they opened and their last visit to « Pour moi »."""

from django.conf import settings
from django.db import models


class GuideOpening(models.Model):
    """A guide a member opened, and when: « Pour moi » lists only guides not opened or changed since."""

    shown_on_public_pages = False  # a member's reading must not empty the page cache (core/caching)

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="compte",
        on_delete=models.CASCADE,
        related_name="guide_openings",
    )
    page = models.ForeignKey(
        "guides.GuidePage", verbose_name="guide", on_delete=models.CASCADE, related_name="openings"
    )
    opened_at = models.DateTimeField("ouvert le")

    class Meta:
        verbose_name = "guide ouvert"
        verbose_name_plural = "guides ouverts"
        constraints = [models.UniqueConstraint(fields=["user", "page"], name="guide_opening_unique_page")]

    def __str__(self):
        return f"{self.user} — {self.page_id}"


class PersonalPageVisit(models.Model):
    """When a member last came to « Pour moi », so the page tells what is new since the previous visit."""

    shown_on_public_pages = False  # bookkeeping of one member (core/caching)

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name="compte",
        on_delete=models.CASCADE,
        related_name="personal_page_visit",
    )
    # The visit under way (several page loads close together count as one) and the one before it.
    seen_at = models.DateTimeField("visite en cours")
    previous_seen_at = models.DateTimeField("visite précédente", null=True, blank=True)

    class Meta:
        verbose_name = "visite de « Pour moi »"
        verbose_name_plural = "visites de « Pour moi »"

    def __str__(self):
        return f"{self.user} — {self.seen_at:%Y-%m-%d %H:%M}"
