"""NPS answers past their use are deleted: a score tied to an account.

The dashboard's trend reads the last `nps.TREND_PERIODS` quarters (two years), so the default
retention (`FABRIQUE_RETENTION_DAYS["nps_answers"]`, three years) never removes what it shows. The
current quarter's answers always stay whatever the setting: they are what stops the question from
being asked again (`nps.has_answered`).
"""

from .models import NpsAnswer
from .nps import current_period


def purge_nps_answers(before) -> int:
    """Delete answers given before `before`, except the current quarter's; how many."""
    stale = NpsAnswer.objects.filter(created_at__lt=before).exclude(period=current_period())
    return stale.delete()[0]
