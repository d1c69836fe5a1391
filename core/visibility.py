"""Who may read which page outside Wagtail's serving: drafts never, restricted pages only for those
allowed.

Site search (results, facet counts, suggestions), « Pour moi » and the members' digest all start from
`visible_pages`, so a page hidden from someone is neither listed, counted, suggested nor emailed.
"""

from django.contrib.auth.models import AnonymousUser

from wagtail.models import Page, PageViewRestriction


def _restriction_allows(restriction, user) -> bool:
    if restriction.restriction_type == PageViewRestriction.NONE:
        return True
    if restriction.restriction_type == PageViewRestriction.LOGIN:
        return user.is_authenticated
    if restriction.restriction_type == PageViewRestriction.GROUPS:
        if not user.is_authenticated:
            return False
        if user.is_superuser:
            return True
        return bool({group.pk for group in restriction.groups.all()} & _user_group_ids(user))
    # A password restriction is granted per browser session, page by page: never revealed here.
    return False


def _user_group_ids(user) -> set[int]:
    if not hasattr(user, "_visibility_group_ids"):
        user._visibility_group_ids = set(user.groups.values_list("pk", flat=True))
    return user._visibility_group_ids


def visible_pages(user):
    """Live pages of the site this user may read: drafts never; restricted pages only if allowed."""
    pages = Page.objects.live().filter(depth__gt=1)
    restrictions = PageViewRestriction.objects.select_related("page").prefetch_related("groups")
    for restriction in restrictions:
        if not _restriction_allows(restriction, user):
            pages = pages.not_descendant_of(restriction.page, inclusive=True)
    return pages


def readable(queryset, user=None):
    """The live pages of `queryset` that `user` (anonymous when None) may read."""
    return queryset.live().filter(pk__in=visible_pages(user or AnonymousUser()).values("pk"))
