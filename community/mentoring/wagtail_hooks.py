"""Admin wiring of « Grandir »: the matches report in the Reports menu, mission offers as snippets."""

from django.urls import reverse

from wagtail import hooks

from core.exports import ReportMenuItem, report_urls

from .reports import MentoringReportView


@hooks.register("register_admin_urls")
def register_mentoring_urls():
    return report_urls(MentoringReportView, "mentorat/", "mentoring_report")


@hooks.register("register_reports_menu_item")
def register_mentoring_menu_item():
    return ReportMenuItem(
        MentoringReportView, "Mentorat", reverse("mentoring_report"), icon_name="group", order=960
    )
