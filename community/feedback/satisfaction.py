"""Satisfaction rates: per page for the admin report, network-wide for the key figures page."""

from django.db.models import Count, Q

from .models import PageFeedback


def rate(useful: int, total: int) -> int | None:
    return round(100 * useful / total) if total else None


def overall_satisfaction() -> dict:
    """Share of "oui" over every answer, for the key figures page: {useful, total, rate (%|None)}."""
    totals = PageFeedback.objects.aggregate(total=Count("pk"), useful=Count("pk", filter=Q(useful=True)))
    return {**totals, "rate": rate(totals["useful"], totals["total"])}


def pages_report():
    """One row per page that has feedback: answers, "oui", satisfaction rate, ordered by volume."""
    rows = (
        PageFeedback.objects.values("page_id", "page__title", "page__url_path")
        .annotate(total=Count("pk"), useful=Count("pk", filter=Q(useful=True)))
        .order_by("-total", "page__title")
    )
    return [{**row, "rate": rate(row["useful"], row["total"])} for row in rows]
