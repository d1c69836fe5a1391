"""Factories for the home page, content pages and key figures, and the site they make."""

from wagtail.models import Page, Site

import factory

from home.models import (
    AccessibilityStatementPage,
    ContentPage,
    HomePage,
    KeyFiguresPage,
    LegalNoticePage,
    PersonalDataPage,
    SitemapPage,
)
from tests.community.onboarding.factories import OnboardingIndexPageFactory, RoleIndexPageFactory
from tests.community.startups.factories import IncubatorIndexPageFactory, StartupIndexPageFactory
from tests.core.factories import PageFactory, with_revision
from tests.resources.guides.factories import GuideIndexPageFactory
from tests.resources.library.factories import ContributionPageFactory, ResourceIndexPageFactory


class HomePageFactory(PageFactory):
    title = "Accueil"
    hero_title = "Bienvenue sur Fabrique"
    hero_text = "La communauté des startups d'État."

    class Meta:
        model = HomePage


class ContentPageFactory(PageFactory):
    title = factory.Sequence(lambda n: f"Page de contenu {n}")
    intro = "Une page de contenu."

    class Meta:
        model = ContentPage


class KeyFiguresPageFactory(PageFactory):
    title = "Chiffres"
    slug = "chiffres"

    class Meta:
        model = KeyFiguresPage


class AccessibilityStatementPageFactory(PageFactory):
    title = "Déclaration d'accessibilité"
    slug = "accessibilite"

    class Meta:
        model = AccessibilityStatementPage


class LegalNoticePageFactory(PageFactory):
    title = "Mentions légales"
    slug = "mentions-legales"

    class Meta:
        model = LegalNoticePage


class PersonalDataPageFactory(PageFactory):
    title = "Données personnelles"
    slug = "donnees-personnelles"

    class Meta:
        model = PersonalDataPage


class SitemapPageFactory(PageFactory):
    title = "Plan du site"
    slug = "plan-du-site"

    class Meta:
        model = SitemapPage


def make_legal_pages(home):
    """The four legal pages of the footer, as `setup_site` makes them; keyed by slug."""
    factories = [
        SitemapPageFactory,
        AccessibilityStatementPageFactory,
        LegalNoticePageFactory,
        PersonalDataPageFactory,
    ]
    return {page.slug: page for page in (make(parent=home) for make in factories)}


def make_home(**fields):
    """A published home page under the tree's root, served by the default site (as `setup_site` does)."""
    home = HomePageFactory(parent=Page.get_first_root_node(), **{"slug": "accueil-test", **fields})
    Site.objects.update_or_create(
        is_default_site=True, defaults={"hostname": "localhost", "port": 80, "root_page": home}
    )
    return home


def make_guide(sections, title="Un guide de la méthode", **kwargs):
    """A content page in the guides section (its workflow and permissions), with a revision."""
    return with_revision(ContentPageFactory(parent=sections["guides"], title=title, **kwargs))


def make_resource(sections, title="Une ressource partagée", **kwargs):
    """A content page in the resources section (its workflow and permissions), with a revision."""
    return with_revision(ContentPageFactory(parent=sections["ressources"], title=title, **kwargs))


def make_sections(home):
    """Every section `setup_site` makes, in its menu order, built with factories; keyed by slug.

    Creating the guide, resource, role and path sections binds their workflows and per-section
    permissions (home.editorial), as on the real site.
    """
    factories = [
        GuideIndexPageFactory,
        StartupIndexPageFactory,
        RoleIndexPageFactory,
        ResourceIndexPageFactory,
        OnboardingIndexPageFactory,
        ContributionPageFactory,
        IncubatorIndexPageFactory,
        KeyFiguresPageFactory,
    ]
    sections = {}
    for section_factory in factories:
        page = section_factory(parent=home, show_in_menus=True)
        sections[page.slug] = page
    return sections


def add_entry_points(home, doors):
    """The home page's doors: `doors` is a list of (title, text, page)."""
    home.entry_points = [
        ("entry_point", {"title": title, "text": text, "page": page, "url": "", "icon": ""})
        for title, text, page in doors
    ]
    home.save()
    return home
