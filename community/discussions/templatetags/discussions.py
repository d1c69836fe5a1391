"""`{% group_threads group %}`: the latest threads of a group, for the group's page."""

from django import template

from community.discussions.posting import posting_refusal

register = template.Library()

LATEST_THREADS = 5


@register.inclusion_tag("discussions/includes/group_threads.html", takes_context=True)
def group_threads(context, group):
    """The group page is shown only to those who may read the group: its threads follow that rule."""
    request = context.get("request")
    user = getattr(request, "user", None)
    shown = group.threads.shown_to(user, group)
    threads = shown.select_related("author").order_by("-last_activity_at", "-pk")
    return {
        "group": group,
        "threads": list(threads[:LATEST_THREADS]),
        "total": shown.count(),
        "can_post": user is not None and not posting_refusal(group, user),
        "request": request,
    }
