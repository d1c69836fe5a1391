"""Admin report of the onboarding paths (the public pages' routes are in arrival.py and checklist.py)."""

from django.core.exceptions import PermissionDenied
from django.views.generic import TemplateView

from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from .statistics import path_statistics

STATISTICS_PERMISSION = "onboarding.view_onboardingprogress"


class OnboardingStatisticsView(WagtailAdminTemplateMixin, TemplateView):
    """Admin report: per path, members who started, finished, and the step where the others stop."""

    template_name = "onboarding/onboarding_statistics.html"
    page_title = "Parcours d'arrivée : suivi"
    header_icon = "list-ol"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(STATISTICS_PERMISSION):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["statistics"] = path_statistics()
        return context
