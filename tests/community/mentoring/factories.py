"""Builders for « Grandir »: a mentoring profile, a validated mission, a startup with a dated timeline."""

import datetime

from community.members.models import Mission
from community.mentoring.models import MEMBERS, MentoringProfile
from tests.community.startups.factories import startup
from tests.core.taxonomy.factories import PhaseFactory


def day(text: str) -> datetime.date:
    return datetime.date.fromisoformat(text)


def mission(member, on, start, end=None, validation=Mission.VALIDATED, role=None):
    return Mission.objects.create(
        member=member,
        startup=on,
        start=day(start),
        end=day(end) if end else None,
        validation=validation,
        role=role,
    )


def mentoring(member, *, help_skills=(), seeking_skills=(), visibility=MEMBERS, seeking_phases=(), **fields):
    profile = MentoringProfile.objects.create(
        member=member,
        help_skills=list(help_skills),
        seeking_skills=list(seeking_skills),
        help_visibility=visibility,
        **fields,
    )
    profile.seeking_phases.set(seeking_phases)
    return profile


def phases():
    return {
        "investigation": PhaseFactory(slug="investigation", name="Investigation", order=1),
        "construction": PhaseFactory(slug="construction", name="Construction", order=2),
        "acceleration": PhaseFactory(slug="acceleration", name="Accélération", order=3),
    }


def startup_with_timeline(home, title, phase_list, **fields):
    """A startup that went investigation (2022) → construction (2023) → accélération (2024)."""
    return startup(
        home,
        title,
        phases=[
            (phase_list["investigation"], "2022-01-01"),
            (phase_list["construction"], "2023-01-01"),
            (phase_list["acceleration"], "2024-01-01"),
        ],
        **fields,
    )
