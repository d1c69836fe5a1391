"""Admin wiring of readers' feedback: the "Avis des lecteurs" report in the Reports menu."""

from django.urls import path, reverse

from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import reports


class FeedbackMenuItem(MenuItem):
    def is_shown(self, request):
        return reports.can_view_feedback(request.user)


@hooks.register("register_admin_urls")
def register_feedback_urls():
    return [
        path("avis/", reports.FeedbackReportView.as_view(), name="community_feedback_report"),
        path(
            "avis/resultats/",
            reports.FeedbackReportView.as_view(results_only=True),
            name="community_feedback_report_results",
        ),
        path("avis/<int:page_id>/", reports.FeedbackPageView.as_view(), name="community_feedback_page"),
        path(
            "avis/<int:page_id>/resultats/",
            reports.FeedbackPageView.as_view(results_only=True),
            name="community_feedback_page_results",
        ),
    ]


@hooks.register("register_reports_menu_item")
def register_feedback_menu_item():
    return FeedbackMenuItem(
        "Avis des lecteurs", reverse("community_feedback_report"), icon_name="help", order=700
    )
