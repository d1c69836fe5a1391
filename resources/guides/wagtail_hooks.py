"""Admin wiring for guides: the "Guides à relire" report and members' improvement proposals."""

from django.urls import path, reverse

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.reports import PageReportView

from .improvements import can_review_proposals
from .models import GuidePage
from .views import ProposalsReportView


class OverdueGuidesReportView(PageReportView):
    """Guide pages whose review date has passed (or that were never reviewed), oldest first."""

    page_title = "Guides à relire"
    header_icon = "time"
    results_template_name = "guides/admin/overdue_guides_results.html"
    index_url_name = "guides_overdue_report"
    index_results_url_name = "guides_overdue_report_results"
    list_export = [*PageReportView.list_export, "last_reviewed_at", "next_review_on", "coach"]
    export_headings = {
        **PageReportView.export_headings,
        "last_reviewed_at": "Dernière relecture",
        "next_review_on": "Relecture prévue",
        "coach": "Coach responsable",
    }
    model = GuidePage

    def get_queryset(self):
        editable = self.permission_policy.instances_user_has_permission_for(self.request.user, "change")
        self.queryset = (
            GuidePage.objects.filter(pk__in=editable.values("pk"))
            .review_overdue()
            .select_related("coach")
            .order_by("next_review_on", "path")
        )
        return super().get_queryset()


@hooks.register("register_admin_urls")
def register_overdue_report_urls():
    view = OverdueGuidesReportView.as_view()
    results = OverdueGuidesReportView.as_view(results_only=True)
    return [
        path("rapports/guides-a-relire/", view, name="guides_overdue_report"),
        path("rapports/guides-a-relire/resultats/", results, name="guides_overdue_report_results"),
    ]


@hooks.register("register_reports_menu_item")
def register_overdue_report_menu_item():
    return MenuItem(
        "Guides à relire", reverse("guides_overdue_report"), name="guides-a-relire", icon_name="time"
    )


# --- Members' improvement proposals on guides ---------------------------------------------------


class CorrectionProposalsMenuItem(MenuItem):
    def is_shown(self, request):
        return can_review_proposals(request.user)


@hooks.register("register_admin_urls")
def register_correction_proposal_urls():
    return [
        path("propositions/", ProposalsReportView.as_view(), name="correction_proposals_admin"),
        path(
            "propositions/resultats/",
            ProposalsReportView.as_view(results_only=True),
            name="correction_proposals_admin_results",
        ),
    ]


@hooks.register("register_reports_menu_item")
def register_correction_proposals_menu_item():
    return CorrectionProposalsMenuItem(
        "Propositions d'amélioration", reverse("correction_proposals_admin"), icon_name="edit", order=710
    )
