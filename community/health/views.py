"""The NPS answer (/recommandation/) and the community lead's dashboard in the admin."""

from django.contrib import messages
from django.shortcuts import redirect
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from wagtail.admin.views.reports import ReportView

from community.members.coaching import is_community_lead
from core.exports import ReportAccessMixin, SafeExportMixin
from core.security.login import login_required

from . import nps
from .figures import export_rows, health_figures
from .forms import NpsForm

SESSION_KEY = "fabrique_nps_done"  # the period already answered: no query on the next pages


def _back(request, target: str):
    safe = url_has_allowed_host_and_scheme(target, {request.get_host()}, require_https=request.is_secure())
    return redirect(target if target and safe else "/")


@login_required
@require_POST
def answer(request):
    form = NpsForm(request.POST)
    if not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
        return _back(request, request.POST.get("next", ""))
    later = form.cleaned_data["action"] == "plus-tard"
    period = nps.current_period()
    recorded = nps.record(request.user, None if later else form.cleaned_data["score"], period)
    request.session[SESSION_KEY] = period
    if not recorded:
        messages.info(request, "Vous avez déjà répondu pour ce trimestre : merci !")
    elif later:
        messages.info(request, "C'est noté : la question reviendra le trimestre prochain.")
    else:
        messages.success(
            request, "Merci, votre réponse est enregistrée (elle n'est lue qu'en chiffres agrégés)."
        )
    return _back(request, form.cleaned_data["next"])


class HealthDashboardView(ReportAccessMixin, SafeExportMixin, ReportView):
    """Every health figure on one admin page, and in one spreadsheet (one row per figure)."""

    template_name = "health/admin/dashboard.html"
    results_template_name = "health/admin/dashboard_results.html"
    page_title = "Santé de la communauté"
    header_icon = "pick"
    index_url_name = "health_dashboard"
    index_results_url_name = "health_dashboard_results"
    paginate_by = None
    list_export = ["indicator", "group", "answers", "value"]
    export_headings = {
        "indicator": "Indicateur",
        "group": "Groupe",
        "answers": "Réponses ou membres",
        "value": "Valeur",
    }
    export_filename = "sante-communaute"

    can_view = staticmethod(is_community_lead)

    def get_queryset(self):
        self.figures = health_figures()
        return export_rows(self.figures)

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "health": self.figures}
