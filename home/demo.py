"""The French demo site, written for Fabrique: `manage.py load_demo` (what `make run` loads).

It runs `setup_site` (home page, sections, workflows), then the vocabulary (phases, roles,
thématiques), a free content page, and each app's own demo module, handed the home page. Everything is
keyed by slug, so a second run changes nothing.
"""

from django.db import transaction

from community.blockers import demo as blockers_demo
from community.calls import demo as calls_demo
from community.discussions import demo as discussions_demo
from community.groups import demo as groups_demo
from community.help import demo as help_demo
from community.members import demo as members_demo
from community.mentoring import demo as mentoring_demo
from community.onboarding import demo as onboarding_demo
from community.startups import demo as startups_demo
from core.pages import get_or_create_child
from core.taxonomy.models import Phase, Role, Thematique
from resources.guides import demo as guides_demo
from resources.library import demo as library_demo

from .models import ContentPage
from .site import setup_site

# Each app's demo, in order: later ones link to what earlier ones made (the incubator before the
# guides' variant of it, guides before role pages and blockers' recommendations).
APP_DEMOS = [
    startups_demo,
    guides_demo,
    library_demo,
    calls_demo,
    blockers_demo,
    onboarding_demo,
    members_demo,
    mentoring_demo,
    groups_demo,
    discussions_demo,
    help_demo,
]

PHASES = [
    (
        "investigation",
        "Investigation",
        "Comprendre le problème et ses utilisateurs, sur le terrain.",
    ),
    ("construction", "Construction", "Construire un premier service et mesurer son impact."),
    ("acceleration", "Accélération", "Étendre le service à plus d'utilisateurs et de territoires."),
    ("consolidation", "Consolidation", "Stabiliser le modèle, l'équipe et le financement."),
    ("transfere", "Transfert", "Confier le service à une administration qui le pérennise."),
    ("opere", "Opéré", "Le service est opéré durablement hors de l'incubateur."),
    ("abandon-investigation", "Abandon en investigation", "Le problème n'appelait pas de service."),
    ("abandon", "Abandon", "Le service s'est arrêté ; ses enseignements restent."),
]
ROLES = [
    (
        "intrapreneur",
        "Intrapreneur·e",
        "Agent public qui porte le produit et le problème à résoudre.",
    ),
    ("coach", "Coach", "Accompagne l'équipe sur la méthode, l'impact et l'entrepreneuriat."),
    ("designer", "Designer UX", "Conçoit et teste les parcours avec les utilisateurs."),
    ("developpeur", "Développeur·se", "Construit le service, le code et son hébergement."),
    (
        "utilisateur",
        "Utilisateur·rice",
        "Exprime ses besoins, teste le service, en mesure l'utilité.",
    ),
    (
        "expert",
        "Expert·e",
        "Juriste, référent accessibilité, sécurité… intervient sur son domaine.",
    ),
]

THEMATIQUES = [
    ("emploi", "Emploi"),
    ("sante", "Santé"),
    ("environnement", "Environnement"),
    ("collectivites", "Collectivités"),
    ("education", "Éducation"),
    ("justice", "Justice"),
]

# The legal pages are made by setup_site; a free page shows what editors write beside them.
LICENCES = (
    "licences",
    "Licences et réutilisation",
    "Ce que vous pouvez réutiliser, et à quelles conditions.",
    "<p>Les contenus rédigés sur Fabrique sont publiés sous licence Etalab 2.0 : vous pouvez les "
    "reprendre, y compris sur le site de votre incubateur, en citant la source. Les fiches de "
    "startups, d'incubateurs et de membres importées de beta.gouv.fr restent sous licence Creative "
    "Commons BY-NC-SA 4.0 et citent leur source.</p>"
    "<p>Les données sont aussi ouvertes par l'API (<code>/api/v2/</code> et "
    "<code>/api/betagouv/v2.7/</code>) et par les flux RSS et Atom.</p>",
)


def load_content_pages(home):
    slug, title, intro, html = LICENCES
    get_or_create_child(home, ContentPage, slug, title=title, intro=intro, body=[("paragraph", html)])


def load_taxonomies(log):
    created = 0
    for order, (slug, name, description) in enumerate(PHASES, start=1):
        _, new = Phase.objects.get_or_create(
            slug=slug,
            defaults={"name": name, "description": description, "order": order},
        )
        created += new
    for order, (slug, name, description) in enumerate(ROLES, start=1):
        _, new = Role.objects.get_or_create(
            slug=slug, defaults={"name": name, "description": description, "order": order}
        )
        created += new
    for order, (slug, name) in enumerate(THEMATIQUES, start=1):
        _, new = Thematique.objects.get_or_create(slug=slug, defaults={"name": name, "order": order})
        created += new
    log(f"Taxonomies : {created} terme(s) créé(s).")


@transaction.atomic
def load_demo(log):
    home = setup_site(log=log)
    load_taxonomies(log)
    load_content_pages(home)
    for module in APP_DEMOS:
        module.load(home, log)
    return home
