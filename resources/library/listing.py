"""The library's listing (/ressources/): filters by kind, phase, role and thématique, text, sorts."""

from core.listing import Facet, FacetedListing, Sort, choices
from core.matching import filter_by_text
from core.taxonomy.models import Phase, Role, Thematique

from .models.resources import ResourceKind, ResourcePage


def resource_listing(request, index_page):
    """The library's faceted listing: kind, phase, role and thématique filters, text query, sorts."""
    queryset = (
        ResourcePage.objects.child_of(index_page)
        .live()
        .public()
        .defer_streamfields()
        .select_related("kind", "document")
    )
    facets = [
        Facet("type", "Type de ressource", "kind__slug", choices(ResourceKind.objects.all())),
        Facet("phase", "Phase", "phases__slug", choices(Phase.objects.all())),
        Facet("role", "Rôle", "roles__slug", choices(Role.objects.all())),
        Facet("thematique", "Thématique", "thematiques__slug", choices(Thematique.objects.all())),
    ]
    sorts = {
        "recent": Sort("Mises à jour récentes", ("-updated_on", "title")),
        "titre": Sort("Titre (A → Z)", ("title",)),
    }
    return FacetedListing(
        request, queryset, facets, sorts=sorts, text_filter=filter_by_text, per_page=index_page.page_size
    )
