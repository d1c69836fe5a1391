"""Readers' answers to "Cette page vous a-t-elle été utile ?", the network's own impact measure."""

from django.conf import settings
from django.db import models

COMMENT_MAX_LENGTH = 1000


class PageFeedback(models.Model):
    """One reader's yes/no answer on a page, with an optional comment, read by coaches and moderators."""

    shown_on_public_pages = False  # a reader's click must not empty the page cache (core/caching)

    page = models.ForeignKey(
        "wagtailcore.Page", verbose_name="page", on_delete=models.CASCADE, related_name="feedback"
    )
    useful = models.BooleanField("utile")
    comment = models.TextField("commentaire", max_length=COMMENT_MAX_LENGTH, blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="compte",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="page_feedback",
    )
    created_at = models.DateTimeField("date", auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = "avis sur une page"
        verbose_name_plural = "avis sur les pages"

    def __str__(self):
        return f"{'Utile' if self.useful else 'Pas utile'} — {self.page_id}"
