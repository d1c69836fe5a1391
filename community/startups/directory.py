"""The startup directory: filters, counts, sort and pagination over live startup pages."""

from django.db.models import F, Q

from core.listing import Facet, FacetedListing, Sort, choices
from core.taxonomy.models import Phase, Thematique

from .models.compliance import ACCESSIBILITY_CHOICES
from .models.incubators import IncubatorPage
from .models.organisations import Audience, Organisation
from .models.startups import StartupPage

PER_PAGE = 24

# URL values for the fiche's accessibility statuses (« non conforme » → ?accessibilite=non-conforme).
ACCESSIBILITY_VALUES = {status.replace(" ", "-"): (status, label) for status, label in ACCESSIBILITY_CHOICES}
# Security homologation as a fiche states it: followed in MonServiceSécurisé, or not.
SECURITY_VALUES = {
    "monservicesecurise": ("Suivie dans MonServiceSécurisé", Q(mon_service_securise=True)),
    "non-suivie": ("Non suivie dans MonServiceSécurisé", Q(mon_service_securise=False)),
}


def startup_facets():
    # Parameters are the French words people read in the URL: ?phase=construction&incubateur=dinum
    return [
        Facet("phase", "Phase actuelle", "current_phase__slug", choices(Phase.objects.all())),
        Facet(
            "incubateur",
            "Incubateur",
            "incubator__slug",
            choices(IncubatorPage.objects.live().order_by("title"), label="title"),
        ),
        Facet("thematique", "Thématique", "thematiques__slug", choices(Thematique.objects.all())),
        Facet("public", "Public cible", "audiences__slug", choices(Audience.objects.all())),
        Facet("sponsor", "Sponsor", "sponsors__slug", choices(Organisation.objects.all())),
        Facet(
            "accessibilite",
            "Accessibilité",
            "accessibility_status",
            lambda: [(value, label) for value, (_, label) in ACCESSIBILITY_VALUES.items()],
            condition=lambda value: Q(accessibility_status=ACCESSIBILITY_VALUES[value][0]),
        ),
        Facet(
            "securite",
            "Homologation de sécurité",
            "mon_service_securise",
            lambda: [(value, label) for value, (label, _) in SECURITY_VALUES.items()],
            condition=lambda value: SECURITY_VALUES[value][1],
        ),
    ]


SORTS = {
    "nom": Sort("Nom", ("title", "pk")),
    "recent": Sort(
        "Changement de phase le plus récent",
        (F("current_phase_start").desc(nulls_last=True), "title", "pk"),
    ),
}


def text_filter(queryset, query):
    return queryset.filter(Q(title__icontains=query) | Q(mission__icontains=query))


def startup_queryset(index_page=None, incubator=None):
    queryset = StartupPage.objects.live().public()
    if index_page is not None:
        queryset = queryset.child_of(index_page)
    if incubator is not None:  # on an incubator's own site, unless « Tout le réseau » (sites.py)
        queryset = queryset.filter(incubator=incubator)
    # One query for the page of results, whatever its size: related rows come joined or prefetched.
    return (
        queryset.defer_streamfields()
        .select_related("current_phase", "incubator")
        .prefetch_related("thematiques")
    )


def startup_directory(request, index_page=None, incubator=None):
    return FacetedListing(
        request,
        startup_queryset(index_page, incubator),
        startup_facets(),
        sorts=SORTS,
        text_filter=text_filter,
        per_page=PER_PAGE,
    )
