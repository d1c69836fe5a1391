"""What a phase page shows (/phases/<slug>/): the editors' text beside what the site computes.

Computed: the typical duration (median of the phase's durations in the imported startup
timelines), the startups in the phase now, each role's responsibilities in it, its guides and
resources. Each part is one bounded query, so the page costs the same however big the network.
"""

import statistics
from dataclasses import dataclass

from django.db.models import F
from django.utils import timezone

from community.startups.models import StartupPage, StartupPhase
from core.taxonomy.models import Phase
from resources.guides.models import GuidePage
from resources.library.models import ResourcePage

from .models.roles import RolePage, RoleResponsibility

PHASE_PAGE_LIMIT = 12
STARTUPS_LIMIT = 30
DAYS_PER_MONTH = 365.25 / 12


@dataclass
class TypicalDuration:
    """The median duration of a phase over the startups that went through it (and left it)."""

    days: float
    startups: int

    @property
    def months(self) -> int:
        return max(1, round(self.days / DAYS_PER_MONTH))

    @property
    def label(self) -> str:
        if self.days < DAYS_PER_MONTH * 1.5:
            weeks = max(1, round(self.days / 7))
            return f"{weeks} semaine{'s' if weeks > 1 else ''}"
        return f"{self.months} mois"


def phase_durations(phase_ids=None, today=None) -> dict[int, list[int]]:
    """Days spent in each phase by each live startup, read from their timelines in one query.

    A phase lasts until its end date, or else until the next phase of the same startup starts; the
    phase a startup is still in (no end, nothing after it) has no duration yet and is left out, as
    are impossible spans (end before start, a phase starting in the future).
    """
    today = today or timezone.localdate()
    rows = StartupPhase.objects.filter(page__in=StartupPage.objects.live().public().values("pk"))
    if phase_ids is not None:
        # Whole timelines of the startups that went through these phases: the next phase is needed.
        rows = StartupPhase.objects.filter(
            page__in=StartupPhase.objects.filter(
                phase_id__in=phase_ids, page__in=rows.values("page_id")
            ).values("page_id")
        )
    durations = {}
    previous = None  # (page_id, phase_id, start, end) of the row before, in timeline order
    for row in rows.order_by("page_id", "start", "sort_order").values_list(
        "page_id", "phase_id", "start", "end"
    ):
        if previous is not None:
            _add_duration(durations, previous, row[2] if row[0] == previous[0] else None, today)
        previous = row
    if previous is not None:
        _add_duration(durations, previous, None, today)
    return durations


def _add_duration(durations, row, next_start, today):
    _page_id, phase_id, start, end = row
    stop = end or next_start
    if stop is None or start is None or start > today or stop <= start:
        return
    durations.setdefault(phase_id, []).append((min(stop, today) - start).days)


def typical_duration(phase) -> TypicalDuration | None:
    days = phase_durations([phase.pk]).get(phase.pk, [])
    if not days:
        return None
    return TypicalDuration(days=statistics.median(days), startups=len(days))


def role_responsibilities(phase):
    """What each role does in this phase, from the live, public role pages, in the roles' order."""
    return list(
        RoleResponsibility.objects.filter(phase=phase, page__in=RolePage.objects.live().public())
        .select_related("page", "page__role")
        .order_by(F("page__role__order").asc(nulls_last=True), "page__title", "sort_order")
    )


def tagged(model, phase, limit=PHASE_PAGE_LIMIT):
    """Live public pages of `model` tagged with the phase, newest first, and how many there are."""
    queryset = model.objects.live().public().filter(phases=phase).defer_streamfields()
    pages = list(queryset.order_by(F("first_published_at").desc(nulls_last=True), "-pk")[:limit])
    return pages, queryset.count()


def startups_in(phase, limit=STARTUPS_LIMIT):
    queryset = StartupPage.objects.live().public().filter(current_phase=phase)
    return list(
        queryset.order_by("title").only("id", "title", "url_path", "path", "depth")[:limit]
    ), queryset.count()


def phase_page_context(phase) -> dict:
    guides, guides_count = tagged(GuidePage, phase)
    resources, resources_count = tagged(ResourcePage, phase)
    startups, startups_count = startups_in(phase)
    return {
        "phase": phase,
        "typical_duration": typical_duration(phase),
        "responsibilities": role_responsibilities(phase),
        "guides": guides,
        "guides_count": guides_count,
        "resources": resources,
        "resources_count": resources_count,
        "startups": startups,
        "startups_count": startups_count,
    }


def phases_in_order():
    """Phases of a startup being built first, then the ways out (transfert, abandon…)."""
    return list(Phase.objects.order_by("is_ending", "order", "name"))
