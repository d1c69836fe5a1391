"""Where a member stands: each running mission gives a role, a startup and the startup's phase.

« Pour moi » is built on these situations. A member with several missions (two startups, or two
roles) has several; one with roles but no mission has one per role, without a phase (the page
then asks for it); a visitor picks a role and a phase (`picked_situation`).
"""

from dataclasses import dataclass

from django.utils import timezone

from community.members.models import Member, Mission
from community.startups.models import StartupPage
from core.taxonomy.models import Phase, Role
from core.text import clean_query

DAYS_PER_MONTH = 365.25 / 12


@dataclass
class Situation:
    """One role on one startup (or none) at one phase (or none yet)."""

    role: Role | None
    phase: Phase | None
    startup: StartupPage | None = None
    phase_start: object = None  # date the startup entered its current phase

    @property
    def key(self):
        return (self.role.pk if self.role else None, self.startup.pk if self.startup else None)

    @property
    def anchor(self) -> str:
        parts = [self.role.slug if self.role else "role", self.phase.slug if self.phase else "phase"]
        if self.startup is not None:
            parts.append(str(self.startup.pk))
        return "-".join(parts)

    @property
    def headline(self) -> str:
        """« Vous êtes développeuse sur Cantine locale, en construction depuis 3 mois »."""
        who = f"Vous êtes {self.role.name.lower()}" if self.role else "Vous travaillez"
        where = f" sur {self.startup.title}" if self.startup else ""
        when = ""
        if self.phase is not None:
            when = f", en {self.phase.name.lower()}"
            if self.duration_label:
                when += f" depuis {self.duration_label}"
        return f"{who}{where}{when}"

    @property
    def months_in_phase(self) -> int | None:
        if self.phase_start is None:
            return None
        days = (timezone.localdate() - self.phase_start).days
        return max(0, int(days // DAYS_PER_MONTH))

    @property
    def duration_label(self) -> str:
        months = self.months_in_phase
        if months is None:
            return ""
        return "moins d'un mois" if months == 0 else f"{months} mois"


def member_of(user):
    if not user.is_authenticated:
        return None
    return Member.objects.filter(user=user).first()


def member_situations(member) -> list[Situation]:
    """The member's situations from their running missions (not refused), in two queries.

    A mission on a startup that is not live and public keeps its role but loses its startup: the
    page never names, links or reads the phase of a page the visitor could not open.
    """
    if member is None:
        return []
    missions = list(
        member.missions.running()
        .exclude(validation=Mission.REFUSED)
        .select_related("role", "startup", "startup__current_phase")
        .order_by("-start", "pk")
    )
    roles = list(member.roles.all())
    startup_ids = {mission.startup_id for mission in missions if mission.startup_id}
    visible = set(
        StartupPage.objects.live().public().filter(pk__in=startup_ids).values_list("pk", flat=True)
        if startup_ids
        else []
    )
    situations = {}
    for mission in missions:
        startup = mission.startup if mission.startup_id in visible else None
        for role in [mission.role] if mission.role_id else roles or [None]:
            situation = Situation(
                role=role,
                phase=startup.current_phase if startup else None,
                startup=startup,
                phase_start=startup.current_phase_start if startup else None,
            )
            situations.setdefault(situation.key, situation)
    if not situations:
        for role in roles:
            situations.setdefault((role.pk, None), Situation(role=role, phase=None))
    return [situation for situation in situations.values() if situation.role or situation.startup]


def picked_situation(role_slug: str, phase_slug: str):
    """The role and phase a visitor picked (GET), with a French message for an unknown value."""
    # Control characters (NUL, which PostgreSQL refuses) and huge values never reach the database.
    role_slug, phase_slug = clean_query(role_slug)[:80], clean_query(phase_slug)[:80]
    role = Role.objects.filter(slug=role_slug).first() if role_slug else None
    phase = Phase.objects.filter(slug=phase_slug).first() if phase_slug else None
    errors = []
    if role_slug and role is None:
        errors.append("Ce rôle n'existe pas : choisissez-en un dans la liste.")
    if phase_slug and phase is None:
        errors.append("Cette phase n'existe pas : choisissez-en une dans la liste.")
    situation = Situation(role=role, phase=phase) if role or phase else None
    return situation, errors
