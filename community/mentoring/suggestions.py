"""« Trouver un·e mentor »: members ranked by shared skills, phases lived and role, each with its reasons.

Who is never suggested: oneself; anyone with a mission (validated or not) on one of the seeker's own
startups — a mentor from outside the team is the point; anyone whose « je peux aider » is not
visible to members or says nothing; anyone without an active account (a request could not reach them).

Score: 3 per shared skill (help offered or competence × skill sought), 2 per shared thématique, 2
per phase sought that the mentor lived, 1 when they lived at least one investment committee while
the seeker prepares a phase, 1 per shared role. Nobody scores 0 on the list: with nothing in
common, a suggestion would be noise. Ties go by name, then id, so the order never depends on the
database.
"""

from dataclasses import dataclass, field

from community.members.models import Member, Mission

from .lived import Lived, committees_text, lived_by_member
from .models import MEMBERS, MentoringProfile

SKILL, THEME, PHASE, COMMITTEE, ROLE = 3, 2, 2, 1, 1
MAX_SUGGESTIONS = 20


@dataclass
class Suggestion:
    """One suggested mentor, the score that ranked them and the reasons, in French."""

    member: Member
    score: int = 0
    reasons: list = field(default_factory=list)

    @property
    def reasons_text(self) -> str:
        return " ; ".join(self.reasons)


def _words(items) -> dict[str, str]:
    return {
        item.strip().lower(): item.strip() for item in items or [] if isinstance(item, str) and item.strip()
    }


def _enumeration(names) -> str:
    names = list(names)
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " et " + names[-1]


def own_startup_ids(member) -> set[int]:
    return set(
        Mission.objects.filter(member=member, startup__isnull=False).values_list("startup_id", flat=True)
    )


def profile_of_member(member) -> MentoringProfile | None:
    return MentoringProfile.objects.filter(member=member).first()


def sought_by(member, profile) -> dict:
    """What the seeker looks for: stated skills, thématiques and phases; without stated phases, the
    current phases of the startups they work on now (a mentor who lived them helps most)."""
    wanted = {"skills": {}, "themes": {}, "phases": {}, "roles": {}}
    if profile is not None:
        wanted["skills"] = _words(profile.seeking_skills)
        wanted["themes"] = dict(profile.seeking_thematiques.values_list("pk", "name"))
        wanted["phases"] = dict(profile.seeking_phases.values_list("pk", "name"))
    if not wanted["phases"]:
        running = (
            Mission.objects.validated().running().filter(member=member, startup__current_phase__isnull=False)
        )
        wanted["phases"] = dict(
            running.values_list("startup__current_phase_id", "startup__current_phase__name")
        )
    wanted["roles"] = dict(member.roles.values_list("pk", "name"))
    return wanted


def candidate_profiles(seeker):
    excluded = Mission.objects.filter(startup_id__in=own_startup_ids(seeker)).values("member_id")
    return (
        MentoringProfile.objects.filter(
            help_visibility=MEMBERS, member__user__isnull=False, member__user__is_active=True
        )
        .exclude(member=seeker)
        .exclude(member_id__in=excluded)
        .select_related("member")
        .prefetch_related("help_thematiques", "member__roles")
    )


def score(profile, wanted, lived) -> Suggestion:
    mentor = profile.member
    suggestion = Suggestion(member=mentor)
    offered = {**_words(mentor.competences), **_words(profile.help_skills)}
    skills = [offered[key] for key in sorted(wanted["skills"]) if key in offered]
    if skills:
        suggestion.score += SKILL * len(skills)
        suggestion.reasons.append(f"peut aider sur : {', '.join(skills)}")
    themes = sorted(term.name for term in profile.help_thematiques.all() if term.pk in wanted["themes"])
    if themes:
        suggestion.score += THEME * len(themes)
        suggestion.reasons.append(f"thématiques en commun : {', '.join(themes)}")
    phases = sorted(name for pk, name in lived.phases.items() if pk in wanted["phases"])
    if phases:
        suggestion.score += PHASE * len(phases)
        noun = "la phase" if len(phases) == 1 else "les phases"
        suggestion.reasons.append(f"a vécu {noun} {_enumeration(phases)}")
    if lived.committees and wanted["phases"]:
        suggestion.score += COMMITTEE
        suggestion.reasons.append(committees_text(lived.committees))
    roles = sorted(role.name for role in mentor.roles.all() if role.pk in wanted["roles"])
    if roles:
        suggestion.score += ROLE * len(roles)
        suggestion.reasons.append(f"même rôle que vous : {', '.join(roles)}")
    return suggestion


def suggest_mentors(seeker, limit=MAX_SUGGESTIONS) -> list[Suggestion]:
    """The best mentors for `seeker`, best first, each with the reasons they are suggested."""
    wanted = sought_by(seeker, profile_of_member(seeker))
    # Only people who say what they can help on: a visible but empty « je peux aider » offers nothing.
    profiles = [p for p in candidate_profiles(seeker) if p.help_skills or p.help_thematiques.all()]
    lived = lived_by_member([profile.member_id for profile in profiles])
    suggestions = [score(profile, wanted, lived.get(profile.member_id) or Lived()) for profile in profiles]
    suggestions = [suggestion for suggestion in suggestions if suggestion.score > 0]
    suggestions.sort(key=lambda s: (-s.score, s.member.full_name.lower(), s.member.pk))
    return suggestions[:limit]


def may_be_asked(seeker, mentor) -> Suggestion | None:
    """The suggestion for this very mentor, or None when the seeker may not ask them."""
    return next((s for s in suggest_mentors(seeker, limit=None) if s.member.pk == mentor.pk), None)
