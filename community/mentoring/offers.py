"""« On recrute »: mission offers posted by a startup's team, listed to members for internal mobility.

Who posts: a member with a validated, running mission on the startup (its team). Who reads: any
logged-in member, open offers of live public startups only; a draft or a closed offer is seen by
the startup's team alone. Filters: role, the startup's current phase, its incubator.
"""

from django.db.models import Q

from community.members.models import Mission
from community.startups.models import IncubatorPage, StartupPage
from core.listing import Facet, FacetedListing, Sort, choices
from core.taxonomy.models import Phase, Role

from .models import MissionOffer


def team_startups(member):
    """Live startups where `member` has a validated mission running today."""
    if member is None:
        return StartupPage.objects.none()
    missions = Mission.objects.validated().running().filter(member=member)
    return StartupPage.objects.live().filter(pk__in=missions.values("startup_id")).order_by("title")


def may_manage(member, offer: MissionOffer) -> bool:
    return team_startups(member).filter(pk=offer.startup_id).exists()


def offers_seen_by(member):
    """Listed offers, plus every offer (drafts, closed) of the member's own startups."""
    return MissionOffer.objects.filter(
        Q(pk__in=MissionOffer.objects.listed().values("pk"))
        | Q(startup__in=team_startups(member).values("pk"))
    )


OFFER_FACETS = [
    Facet("role", "Rôle", "role__slug", choices(Role.objects.order_by("order", "name"))),
    Facet(
        "phase",
        "Phase de la startup",
        "startup__current_phase__slug",
        choices(Phase.objects.order_by("order", "name")),
    ),
    Facet(
        "incubateur",
        "Incubateur",
        "startup__incubator__slug",
        choices(IncubatorPage.objects.live().order_by("title"), label="title"),
    ),
]
OFFER_SORTS = {
    "recent": Sort("Les plus récentes", ("-updated_at", "-pk")),
    "debut": Sort("Date de début", ("starts_on", "pk")),
}


def offer_listing(request) -> FacetedListing:
    queryset = MissionOffer.objects.listed().select_related(
        "startup", "role", "startup__incubator", "startup__current_phase"
    )
    return FacetedListing(
        request,
        queryset,
        OFFER_FACETS,
        sorts=OFFER_SORTS,
        text_filter=lambda qs, text: qs.filter(Q(title__icontains=text) | Q(description__icontains=text)),
        per_page=20,
    )
