"""Template tags of the onboarding paths, for pages built elsewhere (e.g. the member profile)."""

from django import template

from ..summaries import progress_summary

register = template.Library()


@register.inclusion_tag("onboarding/onboarding_progress_summary.html")
def onboarding_progress(user, heading_level="h3"):
    """`{% onboarding_progress user %}`: the user's paths and progress bars, ready to drop in a page."""
    return {"summaries": progress_summary(user), "heading_level": heading_level}
