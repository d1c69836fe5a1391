"""Smoke tests of the library's page types: the section, a resource and the "Contribuer" page.

Who does what (home/editorial.py, README « Matrice des permissions »): administrators create the
pages in the admin; moderators edit and publish resources but do not add pages (members propose
resources through « Contribuer », see test_contributions_flow.py).
"""

import datetime

from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import rich_text, streamfield

from community.members.groups import MODERATEURS
from home.models import HomePage
from resources.library.models import ContributionPage, ResourceIndexPage, ResourcePage
from tests.community.members.factories import make_user
from tests.core.taxonomy.factories import RoleFactory
from tests.page_types import PageTypeSmokeTests, admin_form
from tests.resources.library.factories import (
    ContributionPageFactory,
    ResourceIndexPageFactory,
    ResourceKindFactory,
    ResourcePageFactory,
    make_document,
)


class ResourceIndexPageTypeTest(PageTypeSmokeTests, WagtailPageTestCase):
    model = ResourceIndexPage
    parent_types = {HomePage}
    subpage_types = {ResourcePage}

    def make_page(self):
        index = ResourceIndexPageFactory(parent=self.home)
        ResourcePageFactory(
            parent=index, title="Fiche de poste développeur", taxonomies={"roles": [RoleFactory()]}
        )
        return index

    def creation_parent(self):
        return self.home

    def form_data(self):
        return admin_form(title="Ressources", slug="ressources", intro="Modèles, outils et checklists.")

    def check_created(self, page):
        # A section made in the admin gets its moderation workflow, as one made by setup_site does.
        self.assertEqual(page.get_workflow().name, "Modération des contributions")


class ResourcePageTypeTest(PageTypeSmokeTests, WagtailPageTestCase):
    model = ResourcePage
    parent_types = {ResourceIndexPage}
    editor_group = MODERATEURS

    def setUp(self):
        super().setUp()
        self.index = ResourceIndexPageFactory(parent=self.home)
        self.kind = ResourceKindFactory(slug="modele", name="Modèle")

    def make_page(self):
        return ResourcePageFactory(
            parent=self.index,
            title="Modèle de convention",
            kind=self.kind,
            document=make_document(title="Convention", filename="convention.csv"),
            body=[("paragraph", "<p>À adapter à votre <b>collectivité</b>.</p>")],
        )

    def stream_data(self, page):
        return {"body": streamfield([("paragraph", rich_text(page.body[0].value.source))])}

    def creation_parent(self):
        return self.index

    def form_data(self):
        return admin_form(
            title="Checklist accessibilité",
            slug="checklist-accessibilite",
            intro="Les critères RGAA à vérifier avant la mise en ligne.",
            kind=self.kind.pk,
            document="",
            external_url="https://accessibilite.numerique.gouv.fr/",
            body=streamfield([("paragraph", rich_text("<p>Cinquante critères.</p>"))]),
            contributor="",
            licence="etalab-2.0",
            updated_on=datetime.date(2026, 1, 15).isoformat(),
        )

    def check_created(self, page):
        self.assertEqual(page.kind, self.kind)
        self.assertEqual(page.external_url, "https://accessibilite.numerique.gouv.fr/")


class ContributionPageTypeTest(PageTypeSmokeTests, WagtailPageTestCase):
    model = ContributionPage
    parent_types = {HomePage}

    def make_page(self):
        ResourceIndexPageFactory(parent=self.home)
        return ContributionPageFactory(parent=self.home)

    def test_renders(self):
        super().test_renders()
        # Members get the form itself (anonymous visitors are asked to log in first).
        self.assertPageIsRenderable(ContributionPage.objects.get(), user=make_user("membre"))

    def creation_parent(self):
        return self.home

    def form_data(self):
        return admin_form(title="Contribuer", slug="contribuer", intro="Proposez une ressource.")
