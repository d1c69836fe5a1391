"""Phases lived: what members went through, from their validated missions × their startups' timelines.

A phase is lived when a validated mission's dates overlap it (a phase runs from its start to its
own end, else to the next phase's start, else to today). Each change of phase is passed before an
investment committee (beta.gouv.fr's rule), so a committee is lived when a phase starts — or a
« committee » event is dated — inside a mission, counted once per startup and date. A mission
without a start date proves nothing and is left out; so are phases dated in the future.
"""

from collections import defaultdict
from dataclasses import dataclass, field

from django.utils import timezone

from community.members.models import Mission
from community.startups.models import StartupEvent, StartupPhase


@dataclass
class Lived:
    """What one member lived: phases (id → name) and how many investment committees."""

    phases: dict = field(default_factory=dict)
    committees: int = 0


def _spans(rows, today):
    """A startup's phases as (phase_id, name, start, end) in date order, each ending where the next begins."""
    rows = sorted(
        (row for row in rows if row["start"] <= today), key=lambda row: (row["start"], row["sort_order"] or 0)
    )
    spans = []
    for index, row in enumerate(rows):
        following = rows[index + 1]["start"] if index + 1 < len(rows) else today
        spans.append((row["phase_id"], row["phase__name"], row["start"], row["end"] or following))
    return spans


def lived_by_member(member_ids, today=None) -> dict[int, Lived]:
    """Phases and committees lived by each member, in three queries whatever their number."""
    today = today or timezone.localdate()
    missions = list(
        Mission.objects.validated()
        .filter(member_id__in=list(member_ids), startup__isnull=False, start__isnull=False)
        .values("member_id", "startup_id", "start", "end")
    )
    startup_ids = {mission["startup_id"] for mission in missions}
    phase_rows = defaultdict(list)
    for row in StartupPhase.objects.filter(page_id__in=startup_ids).values(
        "page_id", "phase_id", "phase__name", "start", "end", "sort_order"
    ):
        phase_rows[row["page_id"]].append(row)
    spans = {startup_id: _spans(rows, today) for startup_id, rows in phase_rows.items()}
    committees = defaultdict(set)  # startup → dates of a committee
    for startup_id, startup_spans in spans.items():
        committees[startup_id].update(start for _, _, start, _ in startup_spans[1:])
    for startup_id, date in StartupEvent.objects.filter(
        page_id__in=startup_ids, name="committee", date__lte=today
    ).values_list("page_id", "date"):
        committees[startup_id].add(date)

    lived = defaultdict(Lived)
    seen_committees = defaultdict(set)
    for mission in missions:
        start, end = mission["start"], mission["end"] or today
        entry = lived[mission["member_id"]]
        for phase_id, name, phase_start, phase_end in spans.get(mission["startup_id"], []):
            if start <= phase_end and phase_start <= end:
                entry.phases[phase_id] = name
        for date in committees.get(mission["startup_id"], ()):
            if start <= date <= end:
                seen_committees[mission["member_id"]].add((mission["startup_id"], date))
    for member_id, dates in seen_committees.items():
        lived[member_id].committees = len(dates)
    return dict(lived)


def lived_by(member, today=None) -> Lived:
    return lived_by_member([member.pk], today).get(member.pk, Lived())


NUMBER_WORDS = ["zéro", "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix"]


def committees_text(count: int) -> str:
    """« a vécu deux comités d'investissement » (« un comité » for one)."""
    if count == 1:
        return "a vécu un comité d'investissement"
    number = NUMBER_WORDS[count] if count < len(NUMBER_WORDS) else str(count)
    return f"a vécu {number} comités d'investissement"
