"""What members search for, as a key figure of /chiffres/: the share of searches that found nothing."""

from datetime import timedelta

from django.utils import timezone

from .models import SearchRecord


def zero_result_share(days: int = 30, now=None) -> float | None:
    """Percentage (0–100, one decimal) of the last `days` days' searches without result; None if none."""
    now = now or timezone.now()
    searches = SearchRecord.objects.filter(created_at__gte=now - timedelta(days=days))
    total = searches.count()
    if not total:
        return None
    return round(100 * searches.filter(result_count=0).count() / total, 1)
