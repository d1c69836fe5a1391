"""Template tags of « Grandir », for pages built elsewhere (the member profile)."""

from django import template

from ..models import MEMBERS, MentoringProfile

register = template.Library()


def visible_statements(member) -> dict:
    """What a member shows logged-in members: help offered, mentor sought, mobility, as they chose."""
    profile = MentoringProfile.objects.filter(member=member).first()
    if profile is None:
        return {}
    helps = profile.help_visibility == MEMBERS
    return {
        "help_skills": profile.help_skills if helps else [],
        "help_thematiques": list(profile.help_thematiques.all()) if helps else [],
        "seeking": profile.seeking_skills if profile.seeking_visibility == MEMBERS else [],
        "mobility": profile if profile.shows_mobility else None,
    }


@register.inclusion_tag("mentoring/includes/statements.html", takes_context=True)
def mentoring_statements(context, member):
    """`{% mentoring_statements member %}`: shown to logged-in visitors only, as the member chose."""
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"statements": {}}
    return {"statements": visible_statements(member), "is_owner": member.user_id == user.pk}
