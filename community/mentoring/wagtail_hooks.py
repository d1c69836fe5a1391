"""Admin wiring of « Grandir »: the matches report in the Reports menu, mission offers as snippets."""

from django.urls import reverse

from wagtail import hooks
from wagtail.admin.menu import MenuItem

from community.members.coaching import is_community_lead
from core.exports import report_urls

from .reports import MentoringReportView


class MentoringMenuItem(MenuItem):
    def is_shown(self, request):
        return is_community_lead(request.user)


@hooks.register("register_admin_urls")
def register_mentoring_urls():
    return report_urls(MentoringReportView, "mentorat/", "mentoring_report")


@hooks.register("register_reports_menu_item")
def register_mentoring_menu_item():
    return MentoringMenuItem("Mentorat", reverse("mentoring_report"), icon_name="group", order=960)
