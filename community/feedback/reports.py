"""Admin report of page feedback: satisfaction rate per page, then one page's comments.

Both are Wagtail `ReportView`s, so editors download what they see as CSV or XLSX (`?export=csv`).
The author of an answer is never shown nor exported: the rate and the comment are what editors need.
"""

from django.shortcuts import get_object_or_404
from django.urls import reverse

from wagtail.admin.views.reports import ReportView
from wagtail.models import Page

from core.exports import ReportAccessMixin, SafeExportMixin

from .models import PageFeedback
from .satisfaction import overall_satisfaction, pages_report, rate

PERMISSION = "feedback.view_pagefeedback"


def can_view_feedback(user) -> bool:
    """Coachs, Modérateurs and Administrateurs hold this permission (home/migrations/0002)."""
    return user.is_active and user.has_perm(PERMISSION)


def yes_no(value) -> str:
    return "oui" if value else "non"


class FeedbackReadersOnly(ReportAccessMixin):
    """The feedback reports' reading rule (`can_view_feedback`), for their views and menu item."""

    can_view = staticmethod(can_view_feedback)


class FeedbackReportView(FeedbackReadersOnly, SafeExportMixin, ReportView):
    """Every page that has feedback: answers, « oui » and satisfaction rate, most answered first."""

    template_name = "feedback/admin/feedback_report.html"
    results_template_name = "feedback/admin/feedback_report_results.html"
    page_title = "Avis des lecteurs"
    header_icon = "help"
    index_url_name = "community_feedback_report"
    index_results_url_name = "community_feedback_report_results"
    list_export = ["page__title", "page__url_path", "total", "useful", "rate"]
    export_headings = {
        "page__title": "Page",
        "page__url_path": "Chemin de la page",
        "total": "Avis",
        "useful": "Oui",
        "rate": "Taux de satisfaction (%)",
    }
    export_filename = "avis-des-lecteurs"

    def get_queryset(self):
        return pages_report()

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "overall": overall_satisfaction()}


class FeedbackPageView(FeedbackReadersOnly, SafeExportMixin, ReportView):
    """One page's answers, newest first, with their comments."""

    template_name = "feedback/admin/feedback_page.html"
    results_template_name = "feedback/admin/feedback_page_results.html"
    header_icon = "help"
    page_title = "Avis des lecteurs"
    list_export = ["created_at", "useful", "comment"]
    export_headings = {"created_at": "Date", "useful": "Utile", "comment": "Commentaire"}
    custom_field_preprocess = {"useful": {"csv": yes_no, "xlsx": yes_no}}

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.feedback_page = get_object_or_404(Page, pk=kwargs["page_id"])

    def get_page_subtitle(self):
        return self.feedback_page.title

    def get_filename(self):
        return f"avis-{self.feedback_page.slug}"

    def get_index_url(self):
        return reverse("community_feedback_page", args=[self.feedback_page.pk])

    def get_index_results_url(self):
        return reverse("community_feedback_page_results", args=[self.feedback_page.pk])

    def get_queryset(self):
        return PageFeedback.objects.filter(page=self.feedback_page).order_by("-created_at", "-pk")

    def get_context_data(self, **kwargs):
        answers = PageFeedback.objects.filter(page=self.feedback_page)
        total, useful = answers.count(), answers.filter(useful=True).count()
        return {
            **super().get_context_data(**kwargs),
            "feedback_page": self.feedback_page,
            "total": total,
            "useful": useful,
            "rate": rate(useful, total),
        }
