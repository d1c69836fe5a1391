"""Admin report « Recherches sans résultat »: what members looked for and did not find, by period.

A Wagtail `ReportView` (CSV/XLSX download as `?export=csv`). Each waiting query offers « créer un
guide ou une ressource pour cette demande »: a draft guide titled by the query opens in the editor
and the query is marked as handled. No searcher is ever shown: the log holds none.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import reverse
from django.views.decorators.http import require_POST

from wagtail.admin.views.reports import ReportView

from core.exports import ReportAccessMixin, SafeExportMixin

from .demands import DEFAULT_PERIOD, PERIODS, answer_with_draft, guide_section_for, zero_result_queries
from .models import normalise

PERMISSION = "search.view_searchrecord"


def can_view_searches(user) -> bool:
    """Coachs, Modérateurs and Administrateurs (resources/search/migrations/0002)."""
    return user.is_active and user.has_perm(PERMISSION)


def yes_no(value) -> str:
    return "oui" if value else "non"


def requested_period(request) -> int:
    raw = request.GET.get("periode", "")
    return int(raw) if raw.isascii() and raw.isdigit() and int(raw) in PERIODS else DEFAULT_PERIOD


class ZeroResultReportView(ReportAccessMixin, SafeExportMixin, ReportView):
    """Queries without result over 7, 30 or 90 days, most searched first, waiting ones before handled."""

    template_name = "search/admin/zero_results.html"
    results_template_name = "search/admin/zero_results_results.html"
    page_title = "Recherches sans résultat"
    header_icon = "search"
    index_url_name = "search_zero_results"
    index_results_url_name = "search_zero_results_results"
    list_export = ["query", "searches", "last_searched", "handled"]
    export_headings = {
        "query": "Recherche",
        "searches": "Nombre de recherches",
        "last_searched": "Dernière recherche",
        "handled": "Traitée",
    }
    custom_field_preprocess = {"handled": {"csv": yes_no, "xlsx": yes_no}}
    export_filename = "recherches-sans-resultat"

    can_view = staticmethod(can_view_searches)

    def get_queryset(self):
        self.period = requested_period(self.request)
        return zero_result_queries(self.period)

    def get_filename(self):
        return f"{self.export_filename}-{self.period}-jours"

    def get_context_data(self, **kwargs):
        return {
            **super().get_context_data(**kwargs),
            "periods": PERIODS,
            "period": self.period,
            "can_create": guide_section_for(self.request.user) is not None,
        }


@require_POST
def create_draft_for_query(request):
    """« Créer un guide ou une ressource pour cette demande »: the draft opens in the page editor."""
    if not can_view_searches(request.user):
        raise PermissionDenied
    section = guide_section_for(request.user)
    query = normalise(request.POST.get("query", ""))
    if section is None:
        raise PermissionDenied
    if not query:
        messages.error(request, "Cette recherche est vide : aucun brouillon n'a été créé.")
        return redirect("search_zero_results")
    guide = answer_with_draft(query, section, request.user)
    messages.success(
        request, f"Brouillon « {guide.title} » créé : complétez-le puis soumettez-le à relecture."
    )
    return redirect(reverse("wagtailadmin_pages:edit", args=[guide.pk]))
