"""Smoke tests of the startups' page types: startups and incubators, and their sections.

Their pages come from the beta.gouv.fr import; in the admin, administrators create them (no editorial
group has the startup sections: home/editorial.py).
"""

from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, rich_text, streamfield

from community.startups.models import IncubatorIndexPage, IncubatorPage, StartupIndexPage, StartupPage
from home.models import HomePage
from tests.community.startups.factories import (
    IncubatorIndexPageFactory,
    IncubatorPageFactory,
    OrganisationFactory,
    StartupIndexPageFactory,
    StartupPageFactory,
    startup,
)
from tests.core.taxonomy.factories import PhaseFactory, ThematiqueFactory
from tests.page_types import PageTypeSmokeTests, admin_form


class StartupIndexPageTypeTest(PageTypeSmokeTests, WagtailPageTestCase):
    model = StartupIndexPage
    parent_types = {HomePage}
    subpage_types = {StartupPage}

    def make_page(self):
        index = StartupIndexPageFactory(parent=self.home)
        StartupPageFactory(parent=index, title="Cantine locale")
        return index

    def creation_parent(self):
        return self.home

    def form_data(self):
        return admin_form(title="Startups", slug="startups", intro="Les startups d'État du réseau.")


class StartupPageTypeTest(PageTypeSmokeTests, WagtailPageTestCase):
    model = StartupPage
    parent_types = {StartupIndexPage}

    def setUp(self):
        super().setUp()
        self.index = StartupIndexPageFactory(parent=self.home)
        self.construction = PhaseFactory(slug="construction", name="Construction")

    def make_page(self):
        lab = IncubatorPageFactory(parent=IncubatorIndexPageFactory(parent=self.home), title="La Fabrique")
        page = startup(
            self.home,
            "Arbres en ville",
            phases=[(self.construction, "2024-03-01")],
            sponsors=[OrganisationFactory(name="Ville de Lyon")],
            thematiques=[ThematiqueFactory(slug="environnement")],
            incubator=lab,
            mission="Planter les bons arbres aux bons endroits.",
            body=[("paragraph", "<p>Un service pour les <b>communes</b>.</p>")],
        )
        return page

    def stream_data(self, page):
        return {"body": streamfield([("paragraph", rich_text(page.body[0].value.source))])}

    def creation_parent(self):
        return self.index

    def form_data(self):
        phase = {"phase": self.construction.pk, "start": "2025-09-01", "end": "", "comment": "", "ORDER": "0"}
        return admin_form(
            title="Guichet santé",
            slug="guichet-sante",
            intro="",
            mission="Trouver un médecin près de chez soi.",
            incubator="",
            phases=inline_formset([phase]),
            body=streamfield([]),
            techno="[]",
            site_url="https://example.org/",
            repository_url="",
            stats_url="",
            contact="",
            accessibility_status="partiellement conforme",
            events=inline_formset([]),
            related_pages=inline_formset([]),
        )

    def check_created(self, page):
        self.assertEqual(page.current_phase, self.construction)
        self.assertEqual(page.accessibility_status, "partiellement conforme")


class IncubatorIndexPageTypeTest(PageTypeSmokeTests, WagtailPageTestCase):
    model = IncubatorIndexPage
    parent_types = {HomePage}
    subpage_types = {IncubatorPage}

    def make_page(self):
        index = IncubatorIndexPageFactory(parent=self.home)
        IncubatorPageFactory(parent=index, title="La Fabrique des territoires")
        return index

    def creation_parent(self):
        return self.home

    def form_data(self):
        return admin_form(title="Incubateurs", slug="incubateurs", intro="Les incubateurs du réseau.")


class IncubatorPageTypeTest(PageTypeSmokeTests, WagtailPageTestCase):
    model = IncubatorPage
    parent_types = {IncubatorIndexPage}

    def setUp(self):
        super().setUp()
        self.index = IncubatorIndexPageFactory(parent=self.home)

    def make_page(self):
        page = IncubatorPageFactory(
            parent=self.index,
            title="La Fabrique des territoires",
            description="<p>Accompagne les <b>collectivités</b>.</p>",
            owner_organisation=OrganisationFactory(name="ANCT"),
            website="https://example.org/",
        )
        startup(self.home, "Cantine locale", incubator=page)
        return page

    def creation_parent(self):
        return self.index

    def form_data(self):
        return admin_form(
            title="Incubateur du ministère",
            slug="incubateur-du-ministere",
            intro="",
            short_description=rich_text("<p>Les startups du ministère.</p>"),
            description=rich_text(""),
            owner_organisation="",
            website="https://example.org/",
            github="",
            contact="https://example.org/contact",
            address="",
            highlighted_startups="[]",
        )

    def check_created(self, page):
        self.assertEqual(page.public_contact, "https://example.org/contact")
        self.assertFalse(page.hidden)
