"""Admin report for the community lead: how many mentoring matches were made and accepted, by month."""

from django.db.models import Count, Q
from django.db.models.functions import TruncMonth

from wagtail.admin.views.reports import ReportView

from community.members.coaching import is_community_lead
from core.exports import ReportAccessMixin, SafeExportMixin

from .contact_requests import match_statistics
from .models import MentoringRequest, MissionOffer


def matches_by_month():
    rows = (
        MentoringRequest.objects.annotate(month=TruncMonth("created_at"))
        .values("month")
        .annotate(
            sent=Count("pk"),
            accepted=Count("pk", filter=Q(status=MentoringRequest.ACCEPTED)),
            declined=Count("pk", filter=Q(status=MentoringRequest.DECLINED)),
            pending=Count("pk", filter=Q(status=MentoringRequest.PENDING)),
        )
        .order_by("-month")
    )
    return [{**row, "label": row["month"].strftime("%m/%Y")} for row in rows]


class MentoringReportView(ReportAccessMixin, SafeExportMixin, ReportView):
    """Per month: requests sent, accepted, declined, waiting; the totals above."""

    template_name = "mentoring/admin/report.html"
    results_template_name = "mentoring/admin/report_results.html"
    page_title = "Mentorat : mises en relation"
    header_icon = "group"
    index_url_name = "mentoring_report"
    index_results_url_name = "mentoring_report_results"
    paginate_by = None
    list_export = ["label", "sent", "accepted", "declined", "pending"]
    export_headings = {
        "label": "Mois",
        "sent": "Demandes envoyées",
        "accepted": "Acceptées",
        "declined": "Déclinées",
        "pending": "En attente",
    }
    export_filename = "mentorat-mises-en-relation"

    can_view = staticmethod(is_community_lead)

    def get_queryset(self):
        return matches_by_month()

    def get_context_data(self, **kwargs):
        return {
            **super().get_context_data(**kwargs),
            "totals": match_statistics(),
            "open_offers": MissionOffer.objects.listed().count(),
        }
