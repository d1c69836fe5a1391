"""Admin wiring for guides: the "Guides à relire", « Variantes à relire » and « Qualité des données
importées » reports, and members' improvement proposals."""

from django.urls import reverse

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.reports import PageReportView
from wagtail.permission_policies.pages import PagePermissionPolicy

from core.exports import ReportMenuItem, report_urls
from core.importing.quality import ImportIssuesReportView

from .models import GuideImportIssue, GuideIndexPage, GuidePage, GuideVariantPage
from .reviews import REVIEW_ACTION
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
    return report_urls(OverdueGuidesReportView, "rapports/guides-a-relire/", "guides_overdue_report")


@hooks.register("register_reports_menu_item")
def register_overdue_report_menu_item():
    return MenuItem(
        "Guides à relire", reverse("guides_overdue_report"), name="guides-a-relire", icon_name="time"
    )


# --- Data-quality issues of the last GitBook imports (dead links, unknown tags…) -------------------


def can_review_guide_issues(user) -> bool:
    """Those who may edit a guide page may see what to fix in its export."""
    if user.is_superuser:
        return True
    editable = PagePermissionPolicy().instances_user_has_permission_for(user, "change")
    return editable.type(GuideIndexPage, GuidePage).exists()


class GuideImportIssuesView(ImportIssuesReportView):
    """The data-quality issues of the last import of each GitBook space, per page, exportable."""

    page_title = "Qualité des données importées"
    page_subtitle = "guides GitBook"
    model = GuideImportIssue
    index_url_name = "guides_import_issues"
    index_results_url_name = "guides_import_issues_results"

    can_view = staticmethod(can_review_guide_issues)


@hooks.register("register_admin_urls")
def register_guide_import_issues_urls():
    return report_urls(GuideImportIssuesView, "rapports/qualite-guides-importes/", "guides_import_issues")


@hooks.register("register_reports_menu_item")
def register_guide_import_issues_menu_item():
    return ReportMenuItem(
        GuideImportIssuesView,
        "Qualité des guides importés",
        reverse("guides_import_issues"),
        name="qualite-guides-importes",
        icon_name="warning",
        order=721,
    )


# --- Members' improvement proposals on guides ---------------------------------------------------


@hooks.register("register_admin_urls")
def register_correction_proposal_urls():
    return report_urls(ProposalsReportView, "propositions/", "correction_proposals_admin")


@hooks.register("register_reports_menu_item")
def register_correction_proposals_menu_item():
    return ReportMenuItem(
        ProposalsReportView,
        "Propositions d'amélioration",
        reverse("correction_proposals_admin"),
        icon_name="edit",
        order=710,
    )


@hooks.register("register_log_actions")
def register_review_action(actions):
    actions.register_action(
        REVIEW_ACTION, "Relu, rien à changer", "Relu, rien à changer (lien du récapitulatif)"
    )


# --- Incubator variants whose shared page changed since their last publication (drift.py) ---------


class VariantsToReviewReportView(PageReportView):
    """Variants flagged when their shared guide page was published with a change, oldest change first."""

    page_title = "Variantes à relire"
    header_icon = "doc-full"
    results_template_name = "guides/admin/variants_to_review_results.html"
    index_url_name = "guides_variants_report"
    index_results_url_name = "guides_variants_report_results"
    list_export = [*PageReportView.list_export, "incubator", "common_changed_at"]
    export_headings = {
        **PageReportView.export_headings,
        "incubator": "Incubateur",
        "common_changed_at": "Page commune modifiée le",
    }
    model = GuideVariantPage

    def get_queryset(self):
        editable = self.permission_policy.instances_user_has_permission_for(self.request.user, "change")
        self.queryset = (
            GuideVariantPage.objects.filter(pk__in=editable.values("pk"), needs_review=True)
            .select_related("incubator")
            .order_by("common_changed_at", "path")
        )
        return super().get_queryset()


@hooks.register("register_admin_urls")
def register_variants_report_urls():
    return report_urls(VariantsToReviewReportView, "rapports/variantes-a-relire/", "guides_variants_report")


@hooks.register("register_reports_menu_item")
def register_variants_report_menu_item():
    return MenuItem(
        "Variantes à relire",
        reverse("guides_variants_report"),
        name="variantes-a-relire",
        icon_name="doc-full",
        order=705,
    )
