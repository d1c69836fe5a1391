"""What every import keeps of a data-quality notice until its next run (core.importing.quality)."""

from django.db import models


class ImportIssueRecord(models.Model):
    """One data-quality notice of the last run, for the admin report; each importing app has its table."""

    source = models.CharField("source", max_length=500, db_index=True)
    kind = models.CharField("type de problème", max_length=120, db_index=True)
    message = models.TextField("problème")
    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name="page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    position = models.PositiveIntegerField("rang dans le rapport", default=0)
    found_at = models.DateTimeField("import du")

    # Bookkeeping of the admin: writing it must not invalidate the public pages' cache (core/caching).
    shown_on_public_pages = False

    class Meta:
        abstract = True
        ordering = ["source", "position"]

    def __str__(self):
        return f"{self.source} : {self.message}"
