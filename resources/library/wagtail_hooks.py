"""Admin wiring of the library: resource kinds as snippets, and the members' contributions report."""

from django.urls import path, reverse

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet

from .models import ResourceKind
from .reports import ContributionsReportView

register_snippet(ResourceKind)


@hooks.register("register_admin_urls")
def register_contributions_report_urls():
    return [
        path(
            "rapports/contributions/", ContributionsReportView.as_view(), name="library_contributions_report"
        ),
        path(
            "rapports/contributions/resultats/",
            ContributionsReportView.as_view(results_only=True),
            name="library_contributions_report_results",
        ),
    ]


@hooks.register("register_reports_menu_item")
def register_contributions_report_menu_item():
    return MenuItem(
        "Contributions des membres",
        reverse("library_contributions_report"),
        name="contributions-des-membres",
        icon_name="upload",
        order=720,
    )
