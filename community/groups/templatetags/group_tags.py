"""Template tags of groups, loaded by other apps' templates (the library never imports groups)."""

from django import template

from community.members.membership import display_name

from ..models import Group

register = template.Library()


@register.simple_tag(takes_context=True)
def groups_sharing(context, page):
    """The groups a resource is shared in, among those the reader may read."""
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or page is None or not page.pk:
        return []
    return list(Group.objects.readable_by(user).filter(shared_resources__page_id=page.pk).order_by("name"))


@register.filter
def person_name(user) -> str:
    """A group member's name as the directory shows it: the profile's, else the account's."""
    member = getattr(user, "member", None)
    return member.full_name if member is not None else display_name(user)
