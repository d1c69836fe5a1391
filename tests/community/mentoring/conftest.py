"""A small network: a seeker on « Cantine », mentors elsewhere, a teammate, and people who hide."""

import pytest

from community.members.models import Mission
from community.mentoring.models import NOBODY
from tests.community.members.factories import make_user
from tests.community.mentoring.factories import mentoring, mission, phases, startup_with_timeline
from tests.community.startups.factories import incubator, startup
from tests.core.taxonomy.factories import RoleFactory


@pytest.fixture
def network(home):
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
