"""« Cette page vous a-t-elle été utile ? » (community.feedback) per page type and quarter, against 75 %."""

import datetime
from collections import defaultdict

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, Q
from django.db.models.functions import TruncQuarter
from django.utils import timezone
from django.utils.text import capfirst

from community.feedback.models import PageFeedback
from community.feedback.satisfaction import rate

from .nps import YEAR_PERIODS, period_label, period_of, previous_periods

TARGET = 75


def _type_name(content_type_id) -> str:
    model = ContentType.objects.get_for_id(content_type_id).model_class()
    return capfirst(model._meta.verbose_name) if model else "Page"


def usefulness_by_page_type(today=None) -> dict:
    """{periods: [labels], rows: [{label, total, useful, rate, percent, by_period: [rate|None]}], target}.

    Rows cover the last YEAR_PERIODS quarters, one per page type that had answers, by volume."""
    periods = previous_periods(YEAR_PERIODS, today)
    year, quarter = periods[0].split("-T")
    first_day = timezone.make_aware(datetime.datetime(int(year), 3 * (int(quarter) - 1) + 1, 1))
    rows = (
        PageFeedback.objects.filter(created_at__gte=first_day)
        .annotate(quarter=TruncQuarter("created_at"))
        .values("page__content_type", "quarter")
        .annotate(total=Count("pk"), useful=Count("pk", filter=Q(useful=True)))
    )
    cells = defaultdict(dict)
    for row in rows:
        cells[row["page__content_type"]][period_of(row["quarter"])] = (row["useful"], row["total"])
    table = []
    for content_type_id, by_period in cells.items():
        useful = sum(u for u, _ in by_period.values())
        total = sum(t for _, t in by_period.values())
        value = rate(useful, total)
        table.append(
            {
                "label": _type_name(content_type_id),
                "total": total,
                "useful": useful,
                "rate": value,
                "percent": value or 0,
                "value": value,
                "count": total,
                "shown": True,
                "below_target": value is not None and value < TARGET,
                "by_period": [rate(*by_period.get(period, (0, 0))) for period in periods],
            }
        )
    table.sort(key=lambda row: (-row["total"], row["label"]))
    return {"periods": [period_label(p) for p in periods], "rows": table, "target": TARGET}
