"""Builders for « Grandir »: a mentoring profile, a validated mission, a startup with a dated timeline."""

import datetime

from community.members.models import Mission
from community.mentoring.models import MEMBERS, NOBODY, MentoringProfile
from tests.community.members.factories import make_user
from tests.community.startups.factories import incubator, startup
from tests.core.taxonomy.factories import PhaseFactory, RoleFactory


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


def build_network(home):
    """A seeker on « Cantine »; Léa (Aidants, 2022–2024) who helps on recrutement; a teammate, a
    newcomer waiting for validation on Cantine, and Hugo who hides: the last three never suggested."""
    phase = phases()
    dinum = incubator(home, "dinum", "Incubateur de la DINUM")
    cantine = startup(home, "Cantine", incubator=dinum, phases=[(phase["construction"], "2024-06-01")])
    aidants = startup_with_timeline(home, "Aidants", phase, incubator=dinum)
    developer = RoleFactory(slug="developpeur", name="Développeur·se")
    seeker = make_user("camille", first_name="Camille", last_name="Durand").member
    seeker.roles.add(developer)
    seeker.save()
    mission(seeker, cantine, "2024-06-01")
    mentoring(seeker, seeking_skills=["recrutement"], seeking_phases=[phase["acceleration"]])

    mentor = make_user("lea", first_name="Léa", last_name="Martin").member
    mentor.roles.add(developer)
    mentor.save()
    mission(mentor, aidants, "2022-06-01", "2024-06-30")
    mentoring(mentor, help_skills=["Recrutement", "design"])

    teammate = make_user("tom", first_name="Tom", last_name="Équipe").member
    mission(teammate, cantine, "2024-07-01")
    mission(teammate, aidants, "2022-06-01")
    mentoring(teammate, help_skills=["recrutement"])

    newcomer = make_user("nina", first_name="Nina", last_name="Attente").member
    mission(newcomer, cantine, "2024-09-01", validation=Mission.PENDING)
    mentoring(newcomer, help_skills=["recrutement"])

    hidden = make_user("hugo", first_name="Hugo", last_name="Discret").member
    mission(hidden, aidants, "2022-06-01")
    mentoring(hidden, help_skills=["recrutement"], visibility=NOBODY)
    return {
        "phases": phase,
        "incubator": dinum,
        "cantine": cantine,
        "aidants": aidants,
        "developer": developer,
        "seeker": seeker,
        "mentor": mentor,
        "teammate": teammate,
        "newcomer": newcomer,
        "hidden": hidden,
    }
