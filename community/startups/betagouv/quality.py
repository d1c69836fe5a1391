"""Keeping the run's data-quality issues for the admin report « Qualité des données importées »."""

from core.importing.quality import replace_issues

from ..models import ImportIssue, IncubatorPage, StartupPage


def keep_quality_issues(report) -> int:
    """Replace the stored issues with this run's; each fiche is linked to the page it became."""
    pages = {}
    for model in (IncubatorPage, StartupPage):
        pages.update(model.objects.exclude(source_key="").values_list("source_key", "pk"))
    return replace_issues(ImportIssue, report, pages)
