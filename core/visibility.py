"""Who may read which page outside Wagtail's serving: drafts never, restricted pages only for those
allowed.

Site search (results, facet counts, suggestions), « Pour moi » and the members' digest all start from
`visible_pages`, so a page hidden from someone is neither listed, counted, suggested nor emailed.
"""

from dataclasses import dataclass

from django.contrib.auth.models import AnonymousUser

from wagtail.models import Page, PageViewRestriction

from core.caching.memo import remembered


@dataclass(frozen=True)
class Restriction:
    """A view restriction as the visibility rule reads it: kept in memory between requests."""

    kind: str
    path: str  # the restricted page's tree path and depth: its descendants start with the same path
    depth: int
    group_ids: frozenset[int]

    def allows(self, user) -> bool:
        if self.kind == PageViewRestriction.NONE:
            return True
        if self.kind == PageViewRestriction.LOGIN:
            return user.is_authenticated
        if self.kind == PageViewRestriction.GROUPS:
            if not user.is_authenticated:
                return False
            return user.is_superuser or bool(self.group_ids & _user_group_ids(user))
        # A password restriction is granted per browser session, page by page: never revealed here.
        return False


def _read_restrictions() -> tuple[Restriction, ...]:
    rows = PageViewRestriction.objects.select_related("page").prefetch_related("groups")
    return tuple(
        Restriction(
            row.restriction_type,
            row.page.path,
            row.page.depth,
            frozenset(group.pk for group in row.groups.all()),
        )
        for row in rows
    )


def restrictions() -> tuple[Restriction, ...]:
    """Every view restriction of the site, read once per content generation (core/caching/memo.py):
    adding, changing or removing one, or moving a page, bumps it."""
    return remembered("view-restrictions", None, _read_restrictions)


def _user_group_ids(user) -> set[int]:
    if not hasattr(user, "_visibility_group_ids"):
        user._visibility_group_ids = set(user.groups.values_list("pk", flat=True))
    return user._visibility_group_ids


def visible_pages(user):
    """Live pages of the site this user may read: drafts never; restricted pages only if allowed."""
    pages = Page.objects.live().filter(depth__gt=1)
    for restriction in restrictions():
        if not restriction.allows(user):
            # `not_descendant_of(page, inclusive=True)` from the restriction's path and depth alone.
            pages = pages.exclude(path__startswith=restriction.path, depth__gte=restriction.depth)
    return pages


def readable(queryset, user=None):
    """The live pages of `queryset` that `user` (anonymous when None) may read."""
    return queryset.live().filter(pk__in=visible_pages(user or AnonymousUser()).values("pk"))
