"""Admin wiring of the library: resource kinds as snippets, and the members' contributions report."""

from django.urls import reverse

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet

from core.exports import report_urls

from .models import ResourceKind
from .reports import ContributionsReportView

register_snippet(ResourceKind)


@hooks.register("register_admin_urls")
def register_contributions_report_urls():
    return report_urls(ContributionsReportView, "rapports/contributions/", "library_contributions_report")


@hooks.register("register_reports_menu_item")
def register_contributions_report_menu_item():
    return MenuItem(
        "Contributions des membres",
        reverse("library_contributions_report"),
        name="contributions-des-membres",
        icon_name="upload",
        order=720,
    )
