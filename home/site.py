"""A real site without demo content: the home page, every section, and their editorial setup.

`setup_site()` is what `manage.py setup_site` runs on a fresh database, and what `load_demo` runs
before adding the demo. It creates the pages the importers and features expect (home page,
guides, library, startups, incubators, roles, arrival paths, « Contribuer », key figures), the legal
pages every French public site owes (plan du site, accessibilité, mentions légales, données
personnelles) and binds the workflows and section permissions to them; the groups and workflows
themselves come from the data migration. It creates nothing else, and a second run changes nothing.
"""

from django.db import transaction

from wagtail.models import Page, Site

from community.onboarding.models import OnboardingIndexPage, RoleIndexPage
from community.startups.models import IncubatorIndexPage, StartupIndexPage
from core.pages import get_or_create_child, get_or_create_section
from resources.guides.models import GuideIndexPage
from resources.library.models import ContributionPage, ResourceIndexPage

from .editorial import ensure_editorial_setup
from .models import (
    AccessibilityStatementPage,
    HomePage,
    KeyFiguresPage,
    LegalNoticePage,
    PersonalDataPage,
    SitemapPage,
)

HOME = {
    "title": "Accueil",
    "slug": "accueil",
    "hero_title": "Fabrique, la maison commune des startups d'État",
    "hero_text": (
        "La méthode, les ressources et les personnes des incubateurs du réseau : "
        "pour bien démarrer, trouver vite et partager ce qui marche."
    ),
}

# model, slug, title, intro: in the order of the main menu.
SECTIONS = [
    (GuideIndexPage, "guides", "Guides", "La méthode startup d'État, écrite et relue par les coachs."),
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
    (
        IncubatorIndexPage,
        "incubateurs",
        "Incubateurs",
        "Les incubateurs du réseau, qui les porte, et les startups qu'ils accompagnent.",
    ),
    (
        KeyFiguresPage,
        "chiffres",
        "Chiffres",
        "Les startups du réseau en chiffres : par phase, par incubateur, par thématique et par année.",
    ),
]

# model, slug, title, intro, body: linked from the footer (DSFR), never from the main menu.
LEGAL_PAGES = [
    (SitemapPage, "plan-du-site", "Plan du site", "Toutes les rubriques du site et leurs pages.", ""),
    (
        AccessibilityStatementPage,
        "accessibilite",
        "Déclaration d'accessibilité",
        "Déclaration d'accessibilité du site : état de conformité au RGAA, contenus non accessibles, "
        "contact et voies de recours.",
        "",
    ),
    (
        LegalNoticePage,
        "mentions-legales",
        "Mentions légales",
        "Éditeur, hébergement et licences des contenus.",
        "<p>Les contenus rédigés sur ce site sont publiés sous licence Etalab 2.0. Les fiches de "
        "startups, d'incubateurs et de membres importées de beta.gouv.fr restent sous licence Creative "
        "Commons BY-NC-SA 4.0 et citent leur source.</p>",
    ),
    (
        PersonalDataPage,
        "donnees-personnelles",
        "Données personnelles",
        "Ce que le site conserve, pourquoi, combien de temps, et comment exercer vos droits.",
        "",
    ),
]

# The home page's doors, one per audience: title, text, slug of the section they open.
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


def create_home(site_name: str, hostname: str, port: int) -> HomePage:
    """The home page at the tree's root, served by the default site (Wagtail's welcome page goes)."""
    root = Page.get_first_root_node()
    home = HomePage.objects.first()
    if home is None:
        home = HomePage(**HOME)
        root.add_child(instance=home)
        home.save_revision().publish()
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(
            hostname=hostname, port=port, site_name=site_name, root_page=home, is_default_site=True
        )
    elif site.root_page_id != home.pk:
        placeholder = site.root_page
        site.root_page = home
        site.site_name = site_name
        site.hostname, site.port = hostname, port
        site.save()
        if placeholder.depth == 2 and placeholder.specific_class is not HomePage:
            placeholder.delete()
    return home


def create_sections(home: HomePage, log) -> dict:
    """Every section page under the home page, keyed by slug (existing ones are left as they are)."""
    sections = {}
    for model, slug, title, intro in SECTIONS:
        page, created = get_or_create_section(home, model, slug, title=title, intro=intro)
        if created:
            log(f"Rubrique créée : {title}")
        sections[slug] = page
    return sections


def create_legal_pages(home: HomePage, log) -> None:
    """One page of each legal type under the home page (an existing one is kept wherever it is)."""
    for model, slug, title, intro, html in LEGAL_PAGES:
        if model.objects.exists():
            continue
        body = [("paragraph", html)] if html else []
        get_or_create_child(home, model, slug, title=title, intro=intro, body=body)
        log(f"Page légale créée : {title}")


def add_entry_points(home: HomePage, sections: dict) -> None:
    if home.entry_points:
        return
    home.entry_points = [
        ("entry_point", {"title": title, "text": text, "page": sections[slug], "url": "", "icon": ""})
        for title, text, slug in ENTRY_POINTS
    ]
    home.save_revision().publish()


@transaction.atomic
def setup_site(*, site_name="Fabrique", hostname="localhost", port=80, log=lambda message: None) -> HomePage:
    """Home page, sections, entry points, legal pages, workflows and section permissions; safe to re-run."""
    home = create_home(site_name, hostname, port)
    sections = create_sections(home, log)
    add_entry_points(home, sections)
    create_legal_pages(home, log)
    report = ensure_editorial_setup()
    if report["workflows"] or report["permissions"]:
        log(
            f"Workflows attachés : {report['workflows']} ; permissions de rubrique : {report['permissions']}."
        )
    return home
