"""The guide index's filters (/guides/?phase=construction&role=developpeur).

Every guide of the tree tagged with the chosen phases and roles (and matching the words typed), in
reading order, with counts; without any filter the index shows its tree as before.
"""

from core.listing import Facet, FacetedListing, Sort, choices
from core.matching import filter_by_text
from core.taxonomy.models import Phase, Role


def guide_listing(request, queryset, per_page):
    """`queryset`: the index's live public guides (the page model hands them, this module imports none)."""
    facets = [
        Facet("phase", "Phase", "phases__slug", choices(Phase.objects.all())),
        Facet("role", "Rôle", "roles__slug", choices(Role.objects.all())),
    ]
    # Reading order first (the tree's depth-first `path`), so a filtered list reads like the guide.
    sorts = {"lecture": Sort("Ordre de lecture", ("path",)), "titre": Sort("Titre (A → Z)", ("title",))}
    return FacetedListing(
        request, queryset, facets, sorts=sorts, text_filter=filter_by_text, per_page=per_page
    )


def is_filtered(listing) -> bool:
    return bool(listing.query) or any(listing.selected.values())
