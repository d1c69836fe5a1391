"""The data-quality issues the last beta.gouv.fr import found, kept for the admin report
(stored and listed by `core.importing.quality`)."""

from urllib.parse import quote

from django.conf import settings
from django.db import models

from core.issues import ImportIssueRecord


def source_file_url(source: str) -> str:
    """`startups/aidess.md` → the fiche in the beta.gouv.fr repository (`content/_startups/aidess.md`).

    The base address comes from `FABRIQUE_BETAGOUV_SOURCE_URL` (a fork or a mirror may replace
    GitHub); left empty, the report shows the path alone.
    """
    base = getattr(settings, "FABRIQUE_BETAGOUV_SOURCE_URL", "")
    return f"{base.rstrip('/')}/_{quote(source)}" if base and source else ""


class ImportIssue(ImportIssueRecord):
    """A data-quality issue of one beta.gouv.fr fiche (overlapping phases, unknown sponsor…) that an
    editor fixes at the source; each import replaces the whole list, so it tells the last run."""

    source = models.CharField("fiche", max_length=500, db_index=True)

    class Meta(ImportIssueRecord.Meta):
        verbose_name = "problème de qualité d'une fiche beta.gouv.fr"
        verbose_name_plural = "problèmes de qualité des fiches beta.gouv.fr"

    @property
    def source_url(self) -> str:
        return source_file_url(self.source)
