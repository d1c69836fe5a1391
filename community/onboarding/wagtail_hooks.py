"""Wagtail wiring: the reports of the paths and of the exit questionnaire; noting the guides members open."""

from django.urls import reverse

from wagtail import hooks

from core.exports import ReportMenuItem, report_urls
from resources.guides.models import GuidePage

from .history import record_guide_opening
from .views import ExitQuestionnaireView, OnboardingStatisticsView


@hooks.register("register_admin_urls")
def register_onboarding_statistics_url():
    return [
        *report_urls(OnboardingStatisticsView, "parcours-suivi/", "community_onboarding_statistics"),
        *report_urls(
            ExitQuestionnaireView, "questionnaire-depart/", "community_onboarding_exit_questionnaire"
        ),
    ]


@hooks.register("register_reports_menu_item")
def register_onboarding_statistics_menu_item():
    return ReportMenuItem(
        OnboardingStatisticsView,
        "Parcours d'arrivée et de départ",
        reverse("community_onboarding_statistics"),
        name="onboarding-statistics",
        icon_name="list-ol",
        order=950,
    )


@hooks.register("register_reports_menu_item")
def register_exit_questionnaire_menu_item():
    return ReportMenuItem(
        ExitQuestionnaireView,
        "Questionnaire de départ",
        reverse("community_onboarding_exit_questionnaire"),
        name="exit-questionnaire",
        icon_name="comment",
        order=951,
    )


@hooks.register("before_serve_page")
def note_guide_opening(page, request, serve_args, serve_kwargs):
    """A member reading a guide: « Pour moi » stops suggesting it until it changes (history.py)."""
    if isinstance(page, GuidePage) and request.method == "GET" and not getattr(request, "is_preview", False):
        record_guide_opening(request.user, page)
