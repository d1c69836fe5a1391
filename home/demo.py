"""Demo content for the site skeleton: the home page and every section, written for Fabrique.

Each app has a `demo` module with a `load(log)` function; `load_demo` calls them in order.
Everything is keyed by slug so that a second run changes nothing.
"""

from django.db import transaction

from wagtail.models import Page, Site

from community.models import (
    ContributionPage,
    OnboardingIndexPage,
    RoleIndexPage,
    StartupIndexPage,
)
from home.models import ContentPage, HomePage, Phase, Role, Thematique
from resources.models import GuideIndexPage, ResourceIndexPage

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
ENDING_PHASES = {"transfere", "opere", "abandon-investigation", "abandon"}

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

SECTIONS = [
    (
        GuideIndexPage,
        "guides",
        "Guides",
        "La méthode startup d'État, écrite et relue par les coachs.",
    ),
    (
        StartupIndexPage,
        "startups",
        "Startups",
        "Toutes les startups d'État du réseau : leur mission, leur équipe, leurs phases.",
    ),
    (
        RoleIndexPage,
        "roles",
        "Rôles",
        "Intrapreneur, coach, designer, développeur… ce que fait chacun et à qui s'adresser.",
    ),
    (
        ResourceIndexPage,
        "ressources",
        "Ressources",
        "Modèles, outils, checklists et contacts partagés par la communauté.",
    ),
    (
        OnboardingIndexPage,
        "parcours",
        "Parcours d'arrivée",
        "Votre premier jour, votre première semaine, votre premier mois, selon votre rôle.",
    ),
    (
        ContributionPage,
        "contribuer",
        "Contribuer",
        "Proposez une ressource ou une amélioration : les coachs et modérateurs la relisent.",
    ),
]

ENTRY_POINTS = [
    (
        "J'arrive dans la communauté",
        "Suivez le parcours de votre rôle : qui contacter, quels outils, quoi lire d'abord.",
        "parcours",
    ),
    (
        "Je cherche une ressource",
        "Modèles, outils, checklists : tout ce que les équipes partagent, en un seul endroit.",
        "ressources",
    ),
    (
        "Je contribue",
        "Partagez un modèle ou proposez une amélioration d'un guide : la communauté en profite.",
        "contribuer",
    ),
]

CONTENT_PAGES = [
    (
        "accessibilite",
        "Accessibilité",
        "Déclaration d'accessibilité du site Fabrique.",
        "<p>Fabrique s'engage à rendre son site accessible conformément à l'article 47 de la "
        "loi n° 2005-102 du 11 février 2005. Le site est <b>en cours d'audit</b> au regard du "
        "RGAA 4.1 ; les tests automatiques sont joués à chaque modification.</p>"
        "<p>Si vous n'arrivez pas à accéder à un contenu, écrivez à l'équipe : nous vous "
        "répondrons et vous fournirons le contenu sous une autre forme.</p>",
    ),
    (
        "mentions-legales",
        "Mentions légales",
        "Éditeur, hébergement et licences des contenus.",
        "<p>Les contenus rédigés sur Fabrique sont publiés sous licence Etalab 2.0. Les fiches "
        "de startups, d'incubateurs et de membres importées de beta.gouv.fr restent sous "
        "licence Creative Commons BY-NC-SA 4.0 et citent leur source.</p>",
    ),
]


def get_or_create_child(parent, model, slug, **fields):
    """Return the child page with this slug, creating and publishing it the first time."""
    existing = parent.get_children().filter(slug=slug).first()
    if existing is not None:
        return existing.specific, False
    page = model(slug=slug, **fields)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page, True


def load_taxonomies(log):
    created = 0
    for order, (slug, name, description) in enumerate(PHASES, start=1):
        _, new = Phase.objects.get_or_create(
            slug=slug,
            defaults={
                "name": name,
                "description": description,
                "order": order,
                "is_ending": slug in ENDING_PHASES,
            },
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


def load_home():
    """The home page at the site root, replacing Wagtail's placeholder welcome page."""
    root = Page.get_first_root_node()
    home = HomePage.objects.first()
    if home is None:
        home = HomePage(
            title="Accueil",
            slug="accueil",
            hero_title="Fabrique, la maison commune des startups d'État",
            hero_text=(
                "La méthode, les ressources et les personnes des incubateurs du réseau : "
                "pour bien démarrer, trouver vite et partager ce qui marche."
            ),
        )
        root.add_child(instance=home)
        home.save_revision().publish()
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(hostname="localhost", port=80, root_page=home, is_default_site=True)
    elif site.root_page_id != home.pk:
        placeholder = site.root_page
        site.root_page = home
        site.site_name = "Fabrique"
        site.save()
        if placeholder.depth == 2 and placeholder.specific_class is not HomePage:
            placeholder.delete()
    return home


def load_sections(home, log):
    created_pages = {}
    for model, slug, title, intro in SECTIONS:
        page, new = get_or_create_child(home, model, slug, title=title, intro=intro, show_in_menus=True)
        created_pages[slug] = page
        if new:
            log(f"Rubrique créée : {title}")
    for slug, title, intro, html in CONTENT_PAGES:
        get_or_create_child(
            home,
            ContentPage,
            slug,
            title=title,
            intro=intro,
            body=[("paragraph", html)],
        )
    if not home.entry_points:
        home.entry_points = [
            (
                "entry_point",
                {"title": title, "text": text, "page": created_pages[slug], "url": "", "icon": ""},
            )
            for title, text, slug in ENTRY_POINTS
        ]
        home.save_revision().publish()


@transaction.atomic
def load(log):
    load_taxonomies(log)
    home = load_home()
    load_sections(home, log)
    return home
