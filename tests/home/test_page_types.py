"""Smoke tests of the home app's page types: the home page, content pages and key figures."""

from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import rich_text, streamfield

from community.calls.models import CallIndexPage
from community.onboarding.models import ContactDirectoryPage, OnboardingIndexPage, RoleIndexPage
from community.startups.models import IncubatorIndexPage, StartupIndexPage
from home.models import (
    AccessibilityStatementPage,
    ContentPage,
    HomePage,
    IncubatorHomePage,
    KeyFiguresPage,
    LegalNoticePage,
    PersonalDataPage,
    SitemapPage,
)
from resources.guides.models import GuideIndexPage
from resources.library.models import ContributionPage, ResourceIndexPage
from tests.community.startups.factories import incubator, startup
from tests.core.taxonomy.factories import PhaseFactory, ThematiqueFactory
from tests.home.factories import (
    AccessibilityStatementPageFactory,
    ContentPageFactory,
    KeyFiguresPageFactory,
    LegalNoticePageFactory,
    PersonalDataPageFactory,
    SitemapPageFactory,
    add_entry_points,
    make_sections,
)
from tests.page_types import PageTypeSmokeTests, admin_form
from tests.resources.guides.factories import GuidePageFactory


class HomePageTypeTest(PageTypeSmokeTests, WagtailPageTestCase):
    model = HomePage
    parent_types = {Page}
    subpage_types = {
        ContentPage,
        GuideIndexPage,
        ResourceIndexPage,
        StartupIndexPage,
        RoleIndexPage,
        OnboardingIndexPage,
        ContributionPage,
        ContactDirectoryPage,
        IncubatorIndexPage,
        CallIndexPage,
        KeyFiguresPage,
        SitemapPage,
        AccessibilityStatementPage,
        LegalNoticePage,
        PersonalDataPage,
    }

    def make_page(self):
        sections = make_sections(self.home)
        add_entry_points(
            self.home, [("Je cherche une ressource", "Modèles, outils.", sections["ressources"])]
        )
        GuidePageFactory(parent=sections["guides"], title="Préparer le comité")
        return self.home

    def creation_parent(self):
        # One home page per site (max_count = 1): an administrator creates the site's first one.
        self.home.delete()
        return Page.get_first_root_node()

    def form_data(self):
        return admin_form(
            title="Accueil",
            slug="accueil",
            intro="",
            hero_title="Fabrique, la maison commune des startups d'État",
            hero_text="La méthode, les ressources et les personnes du réseau.",
            entry_points=streamfield(
                [
                    (
                        "entry_point",
                        {"title": "Je contribue", "text": "", "page": "", "url": "/contribuer/", "icon": ""},
                    )
                ]
            ),
            latest_count=3,
        )

    def check_created(self, page):
        self.assertEqual(page.entry_points[0].value["url"], "/contribuer/")

    def stream_data(self, page):
        return {
            "entry_points": streamfield(
                [
                    ("entry_point", {**block.value, "page": block.value["page"].pk})
                    for block in page.entry_points
                ]
            )
        }


class ContentPageTypeTest(PageTypeSmokeTests, WagtailPageTestCase):
    model = ContentPage
    # Never at the tree's root, outside every site; an incubator's site has its own content pages.
    parent_types = {HomePage, IncubatorHomePage, ContentPage}
    subpage_types = {ContentPage}

    def make_page(self):
        return ContentPageFactory(
            parent=self.home,
            title="Accessibilité",
            body=[
                ("heading", {"text": "État de conformité", "level": "h2", "anchor": ""}),
                ("paragraph", "<p>Le site est <b>en cours d'audit</b>.</p>"),
            ],
        )

    def creation_parent(self):
        return self.home

    def form_data(self):
        return admin_form(
            title="Mentions légales",
            slug="mentions-legales",
            intro="Éditeur, hébergement et licences.",
            body=streamfield([("paragraph", rich_text("<p>Licence Etalab 2.0.</p>"))]),
        )

    def check_created(self, page):
        self.assertEqual([block.block_type for block in page.body], ["paragraph"])

    def stream_data(self, page):
        heading, paragraph = page.body
        return {
            "body": streamfield(
                [("heading", dict(heading.value)), ("paragraph", rich_text(paragraph.value.source))]
            )
        }


class KeyFiguresPageTypeTest(PageTypeSmokeTests, WagtailPageTestCase):
    model = KeyFiguresPage
    parent_types = {HomePage}

    def make_page(self):
        lab = incubator(self.home, "fabrique-des-territoires")
        startup(
            self.home,
            "Cantine locale",
            phases=[(PhaseFactory(slug="construction"), "2023-03-01")],
            thematiques=[ThematiqueFactory(slug="education")],
            incubator=lab,
        )
        return KeyFiguresPageFactory(parent=self.home)

    def creation_parent(self):
        return self.home

    def form_data(self):
        return admin_form(title="Chiffres", slug="chiffres", intro="Les startups du réseau en chiffres.")


class LegalPageSmokeTests(PageTypeSmokeTests):
    """The four legal pages: one each, under the home page, with a free text."""

    parent_types = {HomePage}
    factory = None
    slug = ""

    def make_page(self):
        return self.factory(
            parent=self.home, body=[("paragraph", "<p>Texte ajouté par l'équipe éditoriale.</p>")]
        )

    def creation_parent(self):
        return self.home

    def fields(self):
        return {}

    def form_data(self):
        return admin_form(
            title=self.model._meta.verbose_name.capitalize(),
            slug=self.slug,
            intro="Une page que tout site public doit avoir.",
            body=streamfield([("paragraph", rich_text("<p>Contact : l'équipe.</p>"))]),
            **self.fields(),
        )

    def check_created(self, page):
        self.assertEqual([block.block_type for block in page.body], ["paragraph"])

    def stream_data(self, page):
        return {"body": streamfield([("paragraph", rich_text(block.value.source)) for block in page.body])}


class AccessibilityStatementPageTypeTest(LegalPageSmokeTests, WagtailPageTestCase):
    model = AccessibilityStatementPage
    factory = AccessibilityStatementPageFactory
    slug = "accessibilite"

    def fields(self):
        return {
            "compliance_rate": "62",
            "audit_date": "2026-06-01",
            "auditor": "Access42",
            "rgaa_version": "4.1.2",
            "statement_date": "2026-06-15",
            "non_compliant": rich_text("<p>Les graphiques des chiffres clés n'ont pas d'alternative.</p>"),
            "derogations": rich_text(""),
            "exempt_content": rich_text(""),
            "technologies": "HTML5, CSS, JavaScript",
            "test_environment": rich_text(""),
            "tools": rich_text(""),
            "audited_pages": rich_text(""),
        }

    def check_created(self, page):
        super().check_created(page)
        self.assertEqual((page.compliance_rate, page.conformity), (62, "partiellement conforme"))
        self.assertIn("chiffres clés", page.non_compliant)


class LegalNoticePageTypeTest(LegalPageSmokeTests, WagtailPageTestCase):
    model = LegalNoticePage
    factory = LegalNoticePageFactory
    slug = "mentions-legales"


class PersonalDataPageTypeTest(LegalPageSmokeTests, WagtailPageTestCase):
    model = PersonalDataPage
    factory = PersonalDataPageFactory
    slug = "donnees-personnelles"


class SitemapPageTypeTest(LegalPageSmokeTests, WagtailPageTestCase):
    model = SitemapPage
    factory = SitemapPageFactory
    slug = "plan-du-site"
