"""Leaving well: a mission's end date suggests the departure path, and coaches see who is leaving.

A mission ending within NOTICE_DAYS, or ended less than AFTER_DAYS ago (the « après » moment: the
feedback and the exit questionnaire), makes its member a leaver. Their path is the departure path of
the mission's role (else their profile's first role), their incubator's own or the network's.
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass

from django.utils import timezone

from community.members.coaching import missions_in_scope
from community.members.models import Mission

from .incubators import paths_for
from .models.steps import DEPARTURE, OnboardingProgress, OnboardingStep
from .progress import PathProgress, sort_steps

NOTICE_DAYS = 30
AFTER_DAYS = 30
COACH_LIST_LIMIT = 100  # a coach's report lists at most this many departures, soonest first


@dataclass
class Departure:
    """A member whose mission ends soon (or just ended), with their departure path and progress."""

    mission: Mission
    path: object = None  # the OnboardingPathPage, None when no departure path serves the role
    progress: PathProgress | None = None
    today: datetime.date | None = None

    @property
    def days_left(self) -> int:
        return (self.mission.end - (self.today or timezone.localdate())).days

    @property
    def when_label(self) -> str:
        """« dans 12 jours », « demain », « aujourd'hui », « il y a 3 jours »."""
        days = self.days_left
        if days == 0:
            return "aujourd'hui"
        if days == 1:
            return "demain"
        if days > 0:
            return f"dans {days} jours"
        return "hier" if days == -1 else f"il y a {-days} jours"

    @property
    def ended(self) -> bool:
        return self.days_left < 0


def ending_missions(today=None):
    """Missions (not refused) whose end falls within the window around `today`."""
    today = today or timezone.localdate()
    return (
        Mission.objects.exclude(validation=Mission.REFUSED)
        .filter(end__gte=today - datetime.timedelta(days=AFTER_DAYS))
        .filter(end__lte=today + datetime.timedelta(days=NOTICE_DAYS))
    )


def _role_of(mission, member):
    return mission.role if mission.role_id else member.roles.order_by("order", "name").first()


def _incubator_of(mission):
    startup = mission.startup if mission.startup_id else None
    incubator = startup.incubator if startup is not None and startup.incubator_id else None
    return incubator if incubator is not None and incubator.live else None


def departure_of(member, user, today=None):
    """The member's departure: the next mission to end (else the latest ended), its path and progress."""
    if member is None:
        return None
    today = today or timezone.localdate()
    missions = ending_missions(today).filter(member=member).select_related("role", "startup__incubator")
    mission = missions.filter(end__gte=today).order_by("end", "pk").first()
    mission = mission or missions.order_by("-end", "pk").first()
    if mission is None:
        return None
    departure = Departure(mission=mission, today=today)
    role = _role_of(mission, member)
    paths = paths_for(role, DEPARTURE, _incubator_of(mission), user) if role is not None else []
    if paths:
        departure.path = paths[0]
        done = set(
            OnboardingProgress.objects.filter(user=user, path=paths[0]).values_list("step_id", flat=True)
        )
        departure.progress = PathProgress(
            path=paths[0], steps=sort_steps(paths[0].steps.all()), done_ids=done
        )
    return departure


def departures_in_scope(user, today=None):
    """For a coach: the departures of their incubators' members (everyone's for an administrator).

    Paths are looked up once per (role, incubator), steps and ticks in one query each.
    """
    today = today or timezone.localdate()
    missions = list(
        ending_missions(today)
        .filter(pk__in=missions_in_scope(user).values("pk"))
        .select_related("member__user", "role", "startup__incubator")
        .order_by("end", "member__full_name", "pk")[:COACH_LIST_LIMIT]
    )
    path_cache = {}
    departures = []
    for mission in missions:
        member = mission.member
        role = _role_of(mission, member)
        incubator = _incubator_of(mission)
        key = (role.pk if role else None, incubator.pk if incubator else None)
        if key not in path_cache:
            paths = paths_for(role, DEPARTURE, incubator, member.user) if role is not None else []
            path_cache[key] = paths[0] if paths else None
        departures.append(Departure(mission=mission, path=path_cache[key], today=today))
    paths = {d.path.pk: d.path for d in departures if d.path is not None}
    steps = defaultdict(list)
    for step in OnboardingStep.objects.filter(page__in=list(paths)):
        steps[step.page_id].append(step)
    user_ids = [d.mission.member.user_id for d in departures if d.mission.member.user_id]
    done = defaultdict(set)
    ticks = OnboardingProgress.objects.filter(path__in=list(paths), user__in=user_ids)
    for user_id, path_id, step_id in ticks.values_list("user_id", "path_id", "step_id"):
        done[(user_id, path_id)].add(step_id)
    for departure in departures:
        if departure.path is not None:
            key = (departure.mission.member.user_id, departure.path.pk)
            departure.progress = PathProgress(
                path=departure.path, steps=sort_steps(steps[departure.path.pk]), done_ids=done[key]
            )
    return departures
