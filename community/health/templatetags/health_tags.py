"""Template tags of community health: the NPS prompt (base template) and a member's contributions."""

from django import template

from ..contributions import contributions_of
from ..forms import QUESTION
from ..nps import current_period, has_answered
from ..views import SESSION_KEY

register = template.Library()

# Where the question never shows: forms of one's own account, the answer itself, the admin.
QUIET_PREFIXES = ("/compte/", "/recommandation/", "/admin/", "/django-admin/")


def is_confidential(context) -> bool:
    """A page or view marks itself confidential (`confidential` in its context, or on the page)."""
    page = context.get("page")
    return bool(context.get("confidential") or getattr(page, "confidential", False))


@register.inclusion_tag("health/includes/nps_prompt.html", takes_context=True)
def nps_prompt(context):
    """`{% nps_prompt %}`: once a quarter, to a logged-in member, never on a confidential page."""
    request = context.get("request")
    user = getattr(request, "user", None)
    if (
        user is None
        or not user.is_authenticated
        or request.path.startswith(QUIET_PREFIXES)
        or is_confidential(context)
    ):
        return {"show": False}
    period = current_period()
    if request.session.get(SESSION_KEY) == period:
        return {"show": False}
    if has_answered(user, period):
        request.session[SESSION_KEY] = period
        return {"show": False}
    return {"show": True, "question": QUESTION, "next": request.get_full_path(), "scores": range(11)}


@register.inclusion_tag("health/includes/contributions.html", takes_context=True)
def member_contributions(context, member):
    """`{% member_contributions member %}`: the member's contributions (others see public ones only)."""
    request = context.get("request")
    user = getattr(request, "user", None)
    owner = bool(user and user.is_authenticated and member.user_id == user.pk)
    return {"contributions": contributions_of(member, viewer_is_owner=owner), "is_owner": owner}
