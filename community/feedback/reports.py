"""Admin report of page feedback: satisfaction rate per page, then one page's comments."""

from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, render

from wagtail.models import Page

from .models import PageFeedback
from .satisfaction import overall_satisfaction, pages_report, rate

PERMISSION = "feedback.view_pagefeedback"


def can_view_feedback(user) -> bool:
    """Coachs, Modérateurs and Administrateurs hold this permission (home/migrations/0002)."""
    return user.is_active and user.has_perm(PERMISSION)


def _check(request):
    if not can_view_feedback(request.user):
        raise PermissionDenied


def feedback_report(request):
    _check(request)
    paginator = Paginator(pages_report(), 50)
    return render(
        request,
        "feedback/admin/feedback_report.html",
        {"page_obj": paginator.get_page(request.GET.get("p")), "overall": overall_satisfaction()},
    )


def feedback_page(request, page_id):
    _check(request)
    page = get_object_or_404(Page, pk=page_id)
    answers = PageFeedback.objects.filter(page=page).select_related("user")
    useful = answers.filter(useful=True).count()
    total = answers.count()
    paginator = Paginator(answers, 50)
    return render(
        request,
        "feedback/admin/feedback_page.html",
        {
            "feedback_page": page,
            "total": total,
            "useful": useful,
            "rate": rate(useful, total),
            "page_obj": paginator.get_page(request.GET.get("p")),
        },
    )
