"""Admin wiring of readers' feedback: the "Avis des lecteurs" report in the Reports menu."""

from django.urls import reverse

from wagtail import hooks

from core.exports import ReportMenuItem, report_urls

from . import reports


@hooks.register("register_admin_urls")
def register_feedback_urls():
    return [
        *report_urls(reports.FeedbackReportView, "avis/", "community_feedback_report"),
        *report_urls(reports.FeedbackPageView, "avis/<int:page_id>/", "community_feedback_page"),
    ]


@hooks.register("register_reports_menu_item")
def register_feedback_menu_item():
    return ReportMenuItem(
        reports.FeedbackReportView,
        "Avis des lecteurs",
        reverse("community_feedback_report"),
        icon_name="help",
        order=700,
    )
