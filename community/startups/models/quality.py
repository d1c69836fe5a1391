"""The data-quality issues the last beta.gouv.fr import found, kept for the admin report
(stored and listed by `core.importing.quality`)."""

from urllib.parse import quote

from django.conf import settings
from django.db import models


def source_file_url(source: str) -> str:
    """`startups/aidess.md` → the fiche in the beta.gouv.fr repository (`content/_startups/aidess.md`).

    The base address comes from `FABRIQUE_BETAGOUV_SOURCE_URL` (a fork or a mirror may replace
    GitHub); left empty, the report shows the path alone.
    """
    base = getattr(settings, "FABRIQUE_BETAGOUV_SOURCE_URL", "")
    return f"{base.rstrip('/')}/_{quote(source)}" if base and source else ""


class ImportIssue(models.Model):
    """A data-quality issue of one beta.gouv.fr fiche (overlapping phases, unknown sponsor…) that an
    editor fixes at the source; each import replaces the whole list, so it tells the last run."""

    source = models.CharField("fiche", max_length=500, db_index=True)
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

    # Bookkeeping of the admin: writing it must not invalidate the public pages' cache.
    shown_on_public_pages = False

    class Meta:
        ordering = ["source", "position"]
        verbose_name = "problème de qualité d'une fiche beta.gouv.fr"
        verbose_name_plural = "problèmes de qualité des fiches beta.gouv.fr"

    def __str__(self):
        return f"{self.source} : {self.message}"

    @property
    def source_url(self) -> str:
        return source_file_url(self.source)
