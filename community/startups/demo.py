"""Demo content for the startup section: a fictional incubator and its startups.

Written for Fabrique (nothing copied from beta.gouv.fr). Keyed by slug: a second run changes nothing.
"""

import datetime

from django.db import transaction

from core.pages import get_or_create_child
from core.taxonomy.models import Phase, Thematique

from .models import (
    Audience,
    IncubatorIndexPage,
    IncubatorPage,
    Organisation,
    StartupEvent,
    StartupIndexPage,
    StartupPage,
    StartupPhase,
)

ORGANISATIONS = [
    ("ministere-des-territoires-demo", "Ministère des Territoires imaginaires", "MTI", "ministere"),
    ("agence-des-donnees-demo", "Agence publique des données de démonstration", "APDD", "operateur"),
]

AUDIENCES = [("collectivite-territoriale", "Collectivités territoriales"), ("particulier", "Particuliers")]

INCUBATOR = {
    "slug": "fabrique-des-territoires",
    "title": "La Fabrique des territoires (démo)",
    "intro": "Un incubateur fictif qui accompagne les agents des collectivités.",
    "short_description": "<p>Incubateur de démonstration : voici à quoi ressemble une page.</p>",
    "description": (
        "<p>La Fabrique des territoires accompagne des agents publics qui ont repéré un problème "
        "concret dans leur quotidien. Elle finance de petites équipes pluridisciplinaires et les "
        "aide à mesurer l'impact de leur service.</p>"
    ),
    "website": "https://example.org/fabrique-des-territoires",
    "address": "1 place de la République, 00000 Exempleville",
}

# What two demo fiches say about quality and compliance, so the « Qualité et conformité » block shows.
COMPLIANCE = {
    "cantine-locale": {
        "accessibility_status": "partiellement conforme",
        "analyse_risques": True,
        "mon_service_securise": True,
        "stats_url": "https://example.org/cantine-locale/stats",
        "budget_url": "https://example.org/cantine-locale/budget",
    },
    "dossier-facile-demo": {"accessibility_status": "non conforme", "mon_service_securise": False},
}

# slug, title, mission, thématique, public, sponsor, phases [(phase, start, end)], events
STARTUPS = [
    (
        "cantine-locale",
        "Cantine locale",
        "Aider les communes à servir des produits locaux dans leurs cantines scolaires.",
        "collectivites",
        ["collectivite-territoriale"],
        "ministere-des-territoires-demo",
        [("investigation", "2024-01-15", "2024-06-30"), ("construction", "2024-07-01", None)],
        [("committee", "2024-06-20", "Passage en construction validé.")],
    ),
    (
        "dossier-facile-demo",
        "Dossier simple",
        "Permettre à chacun de constituer un dossier de demande d'aide en un seul formulaire.",
        "emploi",
        ["particulier"],
        "agence-des-donnees-demo",
        [
            ("investigation", "2022-03-01", "2022-08-31"),
            ("construction", "2022-09-01", "2023-08-31"),
            ("acceleration", "2023-09-01", None),
        ],
        [("product_launch", "2023-01-10", "Ouverture au public.")],
    ),
    (
        "arbres-en-ville",
        "Arbres en ville",
        "Recenser les arbres des communes pour mieux planifier l'ombre des étés à venir.",
        "environnement",
        ["collectivite-territoriale", "particulier"],
        "ministere-des-territoires-demo",
        [("investigation", "2025-02-01", None)],
        [],
    ),
    (
        "guichet-sante-demo",
        "Guichet santé",
        "Orienter les patients vers le bon professionnel de santé près de chez eux.",
        "sante",
        ["particulier"],
        "agence-des-donnees-demo",
        [("investigation", "2021-05-01", "2021-10-31"), ("abandon-investigation", "2021-11-01", None)],
        [],
    ),
]

BODY = [
    ("heading", {"text": "Problème", "level": "h2"}),
    (
        "paragraph",
        "<p>Les agents passent beaucoup de temps à rassembler des informations éparpillées.</p>",
    ),
    ("heading", {"text": "Solution", "level": "h2"}),
    ("paragraph", "<p>Un service simple, construit avec ses utilisateurs et amélioré chaque semaine.</p>"),
]


def date(value):
    return datetime.date.fromisoformat(value) if value else None


@transaction.atomic
def load(home, log):
    index = IncubatorIndexPage.objects.descendant_of(home).first()
    startup_index = StartupIndexPage.objects.descendant_of(home).first()
    if index is None or startup_index is None:
        log("Startups : rubriques absentes, rien à créer.")
        return
    organisations = {}
    for slug, name, acronym, kind in ORGANISATIONS:
        organisations[slug], _ = Organisation.objects.get_or_create(
            slug=slug, defaults={"name": name, "acronym": acronym, "type": kind}
        )
    audiences = {}
    for slug, name in AUDIENCES:
        audiences[slug], _ = Audience.objects.get_or_create(
            slug=slug, defaults={"name": name, "is_standard": True}
        )
    phases = {phase.slug: phase for phase in Phase.objects.all()}
    thematiques = {term.slug: term for term in Thematique.objects.all()}

    fields = dict(INCUBATOR)
    slug = fields.pop("slug")
    incubator, new = get_or_create_child(
        index,
        IncubatorPage,
        slug,
        owner_organisation=organisations["ministere-des-territoires-demo"],
        **fields,
    )
    if new:
        log(f"Incubateur de démonstration créé : {incubator.title}")

    created = 0
    for slug, title, mission, thematique, publics, sponsor, phase_rows, events in STARTUPS:
        _, new = get_or_create_child(
            startup_index,
            StartupPage,
            slug,
            title=title,
            mission=mission,
            body=BODY,
            incubator=incubator,
            sponsors=[organisations[sponsor]],
            thematiques=[thematiques[thematique]] if thematique in thematiques else [],
            audiences=[audiences[public] for public in publics],
            phases=[
                StartupPhase(phase=phases[name], start=date(start), end=date(end))
                for name, start, end in phase_rows
            ],
            events=[
                StartupEvent(name=name, date=date(day), comment=comment) for name, day, comment in events
            ],
            **COMPLIANCE.get(slug, {}),
        )
        created += new
    if created:
        log(f"Startups de démonstration créées : {created}")
