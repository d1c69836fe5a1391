"""The group list (/groupes/): facets with counts, member counts annotated, in a fixed number of
queries whatever the number of groups (bench/groups.py).
"""

from django.db.models import Count, F, IntegerField, Max, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone

from core.listing import Facet, FacetedListing, Sort, choices
from core.taxonomy.models import Phase, Role, Thematique

from .models import Group, GroupKind, Membership

MINE = "oui"


def count_of(queryset, link: str = "group"):
    """A correlated COUNT per group: no join, so several counts never multiply each other."""
    counted = queryset.filter(**{link: OuterRef("pk")}).order_by().values(link).annotate(n=Count("pk"))
    return Coalesce(Subquery(counted.values("n"), output_field=IntegerField()), 0)


def with_counts(groups):
    active = Membership.objects.filter(status=Membership.Status.ACTIVE)
    return groups.annotate(member_count=count_of(active))


def incubator_choices() -> list[tuple[str, str]]:
    rows = Group.objects.exclude(incubator=None).values_list("incubator__slug", "incubator__title")
    return sorted(set(rows), key=lambda row: (row[1], row[0]))


def with_activity(groups):
    """The last visible message and the visible messages since the 1st of the month, per group.

    Through the reverse relations the discussions app declares (`threads`, then `messages`): groups
    never import it. One join, two aggregates over it: nothing multiplies them (member counts are a
    subquery), and the count of the paginator leaves them out.
    """
    month_start = timezone.localtime().replace(day=1, hour=0, minute=0, second=0, microsecond=0)
    visible = Q(threads__messages__hidden=False)
    return groups.annotate(
        last_message_at=Max("threads__messages__created_at", filter=visible),
        messages_this_month=Count(
            "threads__messages", filter=visible & Q(threads__messages__created_at__gte=month_start)
        ),
    )


# « Les plus actifs »: the most visible messages since the 1st of the month, then the latest message
# (groups without any last), then the name. It orders by the activity aggregates, so it is applied
# after them (GroupListing.results): the facets' counts never see the join on messages.
MOST_ACTIVE = (
    F("messages_this_month").desc(),
    F("last_message_at").desc(nulls_last=True),
    "name",
    "pk",
)


class GroupListing(FacetedListing):
    """Listed groups, with their member counts and activity on the page of results only."""

    @property
    def results(self):
        # Ordered once annotated: the activity sort needs the aggregates (still one query).
        groups = with_activity(with_counts(self._filtered())).order_by(*self.sorts[self.sort].ordering)
        return groups.select_related("incubator").prefetch_related("thematiques")


def group_facets(user) -> list[Facet]:
    facets = [
        Facet("type", "Type de groupe", "kind", lambda: list(GroupKind.choices)),
        Facet("phase", "Phase", "phases__slug", choices(Phase.objects.order_by("order", "name"))),
        Facet("role", "Rôle", "roles__slug", choices(Role.objects.order_by("order", "name"))),
        Facet(
            "thematique",
            "Thématique",
            "thematiques__slug",
            choices(Thematique.objects.order_by("order", "name")),
        ),
        Facet("incubateur", "Incubateur", "incubator__slug", incubator_choices),
    ]
    if user.is_authenticated:
        mine = Membership.objects.filter(user=user, status=Membership.Status.ACTIVE).values("group_id")
        facets.append(
            Facet(
                "mes",
                "Mes groupes",
                "pk",
                lambda: [(MINE, "Seulement mes groupes")],
                lambda _: Q(pk__in=mine),
            )
        )
    return facets


def group_listing(request) -> GroupListing:
    return GroupListing(
        request,
        Group.objects.listed_for(request.user),
        group_facets(request.user),
        sorts={
            "actifs": Sort("Les plus actifs", MOST_ACTIVE),
            "recent": Sort("Les plus récents", ("-created_at", "-pk")),
            "nom": Sort("Par nom", ("name", "pk")),
        },
        text_filter=lambda groups, query: groups.filter(
            Q(name__icontains=query) | Q(purpose__icontains=query)
        ),
    )
