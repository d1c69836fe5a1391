"""Admin report « Contributions des membres »: every proposed resource with its moderation state.

A `PageReportView`, like « Guides à relire »: an editor sees (and downloads as CSV or XLSX) only
the contributions they may edit, moderators and administrators in practice.
"""

from wagtail.admin.views.reports import PageReportView

from core.exports import SafeExportMixin

from .contributions import contribution_status
from .models import ResourcePage


class ContributionsReportView(SafeExportMixin, PageReportView):
    """Members' contributions, newest first: who proposed what, and where its moderation stands."""

    page_title = "Contributions des membres"
    header_icon = "upload"
    results_template_name = "library/admin/contributions_results.html"
    index_url_name = "library_contributions_report"
    index_results_url_name = "library_contributions_report_results"
    model = ResourcePage
    list_export = ["title", "contributor", "kind", "contribution_state", "first_published_at", "url_path"]
    export_headings = {
        "title": "Ressource",
        "contributor": "Proposée par",
        "kind": "Type",
        "contribution_state": "État",
        "first_published_at": "Publiée le",
        "url_path": "Chemin de la page",
    }
    export_filename = "contributions-des-membres"

    def get_queryset(self):
        editable = self.permission_policy.instances_user_has_permission_for(self.request.user, "change")
        self.queryset = (
            ResourcePage.objects.filter(pk__in=editable.values("pk"), contributor__isnull=False)
            .select_related("contributor", "kind")
            .order_by("-latest_revision_created_at", "-pk")
        )
        return super().get_queryset()

    def decorate_paginated_queryset(self, object_list):
        return [self.with_state(page) for page in object_list]

    @staticmethod
    def with_state(page):
        page.contribution_state = contribution_status(page).state
        return page

    def to_row_dict(self, item):
        return super().to_row_dict(self.with_state(item))
