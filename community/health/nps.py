"""The community's NPS: asked once a quarter to logged-in members, computed and grouped safely.

NPS = % of promoters (9–10) − % of detractors (0–6), over the answers with a score (passives, 7–8,
count in the total only), rounded to a whole number from −100 to 100. A « plus tard » is stored
as an answer without score: the member is not asked again that quarter, and it counts nowhere.
A group (a period, a role, an incubator) under MINIMUM_GROUP answers shows no figure at all, so
that no one's answer can be guessed. By role and incubator, the last YEAR_PERIODS quarters are
pooled; a member counts in each of their roles and in the incubator of each validated mission.
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.utils import timezone

from community.members.models import Mission

from .models import NpsAnswer

MINIMUM_GROUP = 10
TREND_PERIODS = 8
YEAR_PERIODS = 4
PROMOTER, DETRACTOR = 9, 6  # 9 and above promote, 6 and below detract


def period_of(day: datetime.date) -> str:
    return f"{day.year}-T{(day.month - 1) // 3 + 1}"


def current_period(today=None) -> str:
    return period_of(today or timezone.localdate())


def previous_periods(count: int, today=None) -> list[str]:
    """The last `count` quarters, oldest first, ending with the current one."""
    today = today or timezone.localdate()
    year, quarter = today.year, (today.month - 1) // 3
    periods = []
    for _ in range(count):
        periods.append(f"{year}-T{quarter + 1}")
        year, quarter = (year - 1, 3) if quarter == 0 else (year, quarter - 1)
    return periods[::-1]


def period_label(period: str) -> str:
    year, quarter = period.split("-T")
    return f"{'1er' if quarter == '1' else quarter + 'e'} trimestre {year}"


def net_promoter_score(scores) -> int | None:
    scores = [score for score in scores if score is not None]
    if not scores:
        return None
    promoters = sum(1 for score in scores if score >= PROMOTER)
    detractors = sum(1 for score in scores if score <= DETRACTOR)
    return round(100 * (promoters - detractors) / len(scores))


@dataclass
class Group:
    """One group's NPS; `nps` is None (and nothing is shown) under the minimum size."""

    key: str
    label: str
    answers: int
    nps: int | None

    @property
    def shown(self) -> bool:
        return self.nps is not None

    @property
    def value(self):
        return self.nps

    @property
    def count(self) -> int:
        return self.answers

    @property
    def percent(self) -> int:
        """The bar's length on a −100…100 scale (the number is written beside it)."""
        return round((self.nps + 100) / 2) if self.nps is not None else 0


def group(key, label, scores) -> Group:
    scores = [score for score in scores if score is not None]
    shown = len(scores) >= MINIMUM_GROUP
    return Group(key, label, len(scores), net_promoter_score(scores) if shown else None)


def trend(today=None) -> list[Group]:
    periods = previous_periods(TREND_PERIODS, today)
    scores = defaultdict(list)
    for period, score in NpsAnswer.objects.filter(period__in=periods, score__isnull=False).values_list(
        "period", "score"
    ):
        scores[period].append(score)
    return [group(period, period_label(period), scores[period]) for period in periods]


def _year_answers(today=None):
    return NpsAnswer.objects.filter(period__in=previous_periods(YEAR_PERIODS, today), score__isnull=False)


def _groups(rows) -> list[Group]:
    """Rows of (answer id, score, group id, group name): each answer counts once in each of its groups."""
    scores, names, seen = defaultdict(list), {}, set()
    for answer_id, score, key, name in rows:
        if key is None or (answer_id, key) in seen:
            continue
        seen.add((answer_id, key))
        scores[key].append(score)
        names[key] = name
    groups = [group(str(key), names[key], scores[key]) for key in names]
    return sorted(groups, key=lambda g: (g.label.lower(), g.key))


def by_role(today=None) -> list[Group]:
    """One query through the joins (an IN list of every answering account cost 140 ms at 10×)."""
    return _groups(
        _year_answers(today).values_list("pk", "score", "user__member__roles", "user__member__roles__name")
    )


def by_incubator(today=None) -> list[Group]:
    """The incubators of each answering member's validated missions: two plain reads joined here
    (one query through both multi-valued joins, or an IN list of every account, took 100–200 ms at 10×)."""
    incubators = defaultdict(set)
    missions = Mission.objects.validated().filter(
        member__user__isnull=False, startup__incubator__isnull=False
    )
    for user_id, pk, title in (
        missions.order_by()
        .values_list("member__user_id", "startup__incubator_id", "startup__incubator__title")
        .distinct()
    ):
        incubators[user_id].add((pk, title))
    rows = (
        (answer_id, score, pk, title)
        for answer_id, user_id, score in _year_answers(today).values_list("pk", "user_id", "score")
        for pk, title in sorted(incubators[user_id])
    )
    return _groups(rows)


def has_answered(user, period=None) -> bool:
    return NpsAnswer.objects.filter(user=user, period=period or current_period()).exists()


def record(user, score: int | None, period=None) -> bool:
    """The period's answer (or « plus tard » when `score` is None); False when one exists already."""
    try:
        with transaction.atomic():
            NpsAnswer.objects.create(user=user, period=period or current_period(), score=score)
    except IntegrityError:
        return False
    return True
