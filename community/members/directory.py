"""The member directory (/membres/): filters by role, competence, mentoring and incubator."""

import json
from collections import Counter

from django.db.models import Q

from core.listing import Facet, FacetedListing, Sort, choices
from core.taxonomy.models import Role

from .models import Member, Mission


def competence_condition(value: str) -> Q:
    # `competences` is a JSON list; match the quoted item whatever the backend's text encoding
    # (SQLite keeps \u escapes, PostgreSQL's jsonb prints the characters).
    return Q(competences__icontains=json.dumps(value)) | Q(
        competences__icontains=json.dumps(value, ensure_ascii=False)
    )


def _competence_items(competences) -> list[str]:
    """The non-empty text items of one member's JSON list, stripped."""
    return [item.strip() for item in competences or [] if isinstance(item, str) and item.strip()]


def competence_choices() -> list[tuple[str, str]]:
    seen = {}
    for competences in Member.objects.values_list("competences", flat=True):
        for item in _competence_items(competences):
            seen.setdefault(item.lower(), item)
    return sorted(((value, value) for value in seen.values()), key=lambda choice: choice[1].lower())


class CompetenceFacet(Facet):
    """Competences are items of a JSON list: tallied from one read of the lists, not counted in SQL.

    SQL would scan every member once per competence (one `LIKE` per value: 138 ms at 5,000 members).
    Items match like `competence_condition`: the whole item, in any case.
    """

    def counts(self, queryset, values: list[str]) -> dict[str, int]:
        members = Counter()
        for competences in queryset.values_list("competences", flat=True):
            members.update({item.lower() for item in _competence_items(competences)})
        return {value: members[value.lower()] for value in values}


def incubator_choices() -> list[tuple[str, str]]:
    """Live incubators that at least one member has had a validated mission with, by title."""
    rows = (
        Mission.objects.validated()
        .filter(startup__incubator__live=True)
        .values_list("startup__incubator__slug", "startup__incubator__title")
        .distinct()
    )
    return sorted(set(rows), key=lambda row: (row[1], row[0]))


def incubator_condition(value: str) -> Q:
    validated = Mission.objects.validated().filter(startup__incubator__slug=value)
    return Q(pk__in=validated.values("member_id"))


MENTORING_VALUE = "oui"
ALUMNI_VALUE, ACTIVE_VALUE = "anciens", "en-mission"


def mission_state_condition(value: str) -> Q:
    """« Anciens »: validated missions, none running; « en mission »: a validated mission running."""
    alumni = Member.objects.alumni().values("pk")
    if value == ALUMNI_VALUE:
        return Q(pk__in=alumni)
    running = Mission.objects.validated().running().values("member_id")
    return Q(pk__in=running)


DIRECTORY_FACETS = [
    Facet("role", "Rôle", "roles__slug", choices(Role.objects.order_by("order", "name"))),
    CompetenceFacet(
        "competence", "Compétence", "competences", competence_choices, condition=competence_condition
    ),
    Facet(
        "mentorat",
        "Mentorat",
        "mentoring",
        lambda: [(MENTORING_VALUE, "Disponible pour du mentorat")],
        condition=lambda value: Q(mentoring=True),
    ),
    Facet(
        "statut",
        "Statut",
        "missions__validation",
        lambda: [(ACTIVE_VALUE, "En mission"), (ALUMNI_VALUE, "Anciens (aucune mission en cours)")],
        condition=mission_state_condition,
    ),
    # A member belongs to the incubators of the startups they have had a *validated* mission in (a
    # declared mission waiting for a coach, or a refused one, proves nothing). The choices follow
    # the missions themselves, so the people layer names no page type of the startups app.
    Facet(
        "incubateur",
        "Incubateur",
        "missions__startup__incubator__slug",
        incubator_choices,
        condition=incubator_condition,
    ),
]
DIRECTORY_SORTS = {
    "nom": Sort("Nom (A → Z)", ("full_name", "pk")),
    "recent": Sort("Arrivée la plus récente", ("-pk",)),
}


def directory_listing(request) -> FacetedListing:
    queryset = Member.objects.prefetch_related("roles")
    return FacetedListing(
        request,
        queryset,
        DIRECTORY_FACETS,
        sorts=DIRECTORY_SORTS,
        text_filter=lambda qs, text: qs.filter(Q(full_name__icontains=text) | Q(bio__icontains=text)),
        per_page=24,
    )
