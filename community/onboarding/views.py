"""Admin report of the onboarding paths (the public pages' routes are in arrival.py and checklist.py)."""

from django.core.exceptions import PermissionDenied

from wagtail.admin.views.reports import ReportView

from core.exports import SafeExportMixin

from .statistics import path_statistics

STATISTICS_PERMISSION = "onboarding.view_onboardingprogress"


def stops_text(statistics) -> str:
    """Where members stop, as one spreadsheet cell: « Compte (premier jour) : 2 ; … »."""
    return " ; ".join(
        f"{step.title} ({step.get_moment_display().lower()}) : {count}" for step, count in statistics.stops
    )


class OnboardingStatisticsView(SafeExportMixin, ReportView):
    """Admin report: per path, members who started, finished, and the step where the others stop."""

    template_name = "onboarding/onboarding_statistics.html"
    results_template_name = "onboarding/onboarding_statistics_results.html"
    page_title = "Parcours d'arrivée : suivi"
    header_icon = "list-ol"
    index_url_name = "community_onboarding_statistics"
    index_results_url_name = "community_onboarding_statistics_results"
    paginate_by = None  # one row per path: a handful
    # Exported as CSV or XLSX (?export=csv|xlsx), one row per path.
    list_export = ["path.title", "path.url_path", "started", "finished", "in_progress", "stops"]
    export_headings = {
        "path.title": "Parcours",
        "path.url_path": "Chemin de la page",
        "started": "Commencé",
        "finished": "Terminé",
        "in_progress": "En cours",
        "stops": "Où les membres s'arrêtent",
    }
    export_filename = "suivi-parcours-arrivee"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(STATISTICS_PERMISSION):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_queryset(self):
        return path_statistics()

    def to_row_dict(self, item):
        row = super().to_row_dict(item)
        row["stops"] = stops_text(item)
        return row
