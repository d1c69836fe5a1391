"""Smoke tests of the guides' page types: administrators open the section, coaches write the guides."""

from django.urls import reverse

from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import rich_text, streamfield

from community.members.groups import COACHS
from home.models import HomePage
from resources.guides.models import GuideIndexPage, GuidePage, GuideVariantPage
from tests.community.startups.factories import incubator
from tests.core.taxonomy.factories import PhaseFactory, RoleFactory
from tests.page_types import PageTypeSmokeTests, admin_form
from tests.resources.guides.factories import GuideIndexPageFactory, GuidePageFactory


class GuideIndexPageTypeTest(PageTypeSmokeTests, WagtailPageTestCase):
    model = GuideIndexPage
    parent_types = {HomePage}
    subpage_types = {GuidePage}

    def make_page(self):
        index = GuideIndexPageFactory(parent=self.home)
        GuidePageFactory(parent=index, title="Investigation")
        return index

    def creation_parent(self):
        return self.home

    def form_data(self):
        return admin_form(title="Guides", slug="guides", intro="La méthode, écrite et relue par les coachs.")

    def check_created(self, page):
        # A section made in the admin gets its review workflow, as one made by setup_site does.
        self.assertEqual(page.get_workflow().name, "Relecture coach")


class GuidePageTypeTest(PageTypeSmokeTests, WagtailPageTestCase):
    model = GuidePage
    parent_types = {GuideIndexPage, GuidePage}
    subpage_types = {GuidePage, GuideVariantPage}
    creator_group = COACHS

    def setUp(self):
        super().setUp()
        self.index = GuideIndexPageFactory(parent=self.home)

    def make_page(self):
        page = GuidePageFactory(
            parent=self.index,
            title="Préparer le comité",
            icon="🗳️",
            body=[
                ("heading", {"text": "Avant le comité", "level": "h2", "anchor": ""}),
                ("paragraph", "<p>Rassemblez vos <b>preuves</b>.</p>"),
            ],
        )
        GuidePageFactory(parent=page, title="Le jour du comité")
        return page

    def stream_data(self, page):
        heading, paragraph = page.body
        return {
            "body": streamfield(
                [("heading", dict(heading.value)), ("paragraph", rich_text(paragraph.value.source))]
            )
        }

    def creation_parent(self):
        return self.index

    def form_data(self):
        self.phase = PhaseFactory(slug="investigation", name="Investigation")
        data = admin_form(
            title="Mesurer son impact",
            slug="mesurer-son-impact",
            intro="Ce que l'on mesure, et quand.",
            icon="",
            body=streamfield(
                [
                    ("heading", {"text": "Premiers indicateurs", "level": "h2", "anchor": ""}),
                    ("paragraph", rich_text("<p>Partez du problème.</p>")),
                ]
            ),
            tags="impact",
            coach=self.creator.pk,
            last_reviewed_at="",
            review_interval_days=365,
        )
        # Multiple choices post one value per choice (nested_form_data would number them).
        data["phases"] = [self.phase.pk]
        data["roles"] = [RoleFactory(slug="coach").pk]
        return data

    def check_created(self, page):
        self.assertEqual([block.block_type for block in page.body], ["heading", "paragraph"])
        self.assertEqual(list(page.phases.all()), [self.phase])
        self.assertEqual(page.coach, self.creator)


class GuideVariantPageTypeTest(PageTypeSmokeTests, WagtailPageTestCase):
    model = GuideVariantPage
    parent_types = {GuidePage}
    subpage_types = set()
    creator_group = COACHS

    def setUp(self):
        super().setUp()
        index = GuideIndexPageFactory(parent=self.home)
        self.guide = GuidePageFactory(parent=index, title="Passer un marché")
        self.incubator = incubator(self.home, "fabrique-mi", "Fabrique du MI")

    def make_page(self):
        page = GuideVariantPage(
            title="Version Fabrique du MI",
            slug="version-fabrique-du-mi",
            incubator=self.incubator,
            body=[("paragraph", "<p>Le marché passe par l'UGAP.</p>")],
        )
        self.guide.add_child(instance=page)
        return page

    def stream_data(self, page):
        (paragraph,) = page.body
        return {"body": streamfield([("paragraph", rich_text(paragraph.value.source))])}

    def creation_parent(self):
        return self.guide

    def form_data(self):
        return admin_form(
            title="Version Fabrique du MI",
            slug="version-fabrique-du-mi",
            intro="",
            incubator=self.incubator.pk,
            body=streamfield([("paragraph", rich_text("<p>Le marché passe par l'UGAP.</p>"))]),
            coach=self.creator.pk,
            contact="achats@example.org",
        )

    def check_created(self, page):
        self.assertEqual(page.incubator, self.incubator)
        self.assertEqual(page.coach, self.creator)

    def test_a_second_variant_of_the_same_incubator_is_refused(self):
        first = self.make_page()
        self.client.force_login(self.creator)
        data = self.form_data()
        data.update(slug="autre-version", title="Autre version MI", **{"action-publish": "action-publish"})
        response = self.client.post(
            reverse("wagtailadmin_pages:add", args=["guides", "guidevariantpage", self.guide.pk]), data
        )
        self.assertEqual(response.status_code, 200)
        self.assertContains(
            response, "Ce guide a déjà une variante pour Fabrique du MI : « Version Fabrique du MI »"
        )
        self.assertEqual(list(GuideVariantPage.objects.child_of(self.guide)), [first])
        # Its own form (the same incubator) still saves, and another incubator's variant is welcome.
        self.assertTrue(GuideVariantPage.objects.filter(pk=first.pk).exists())
        data["incubator"] = incubator(self.home, "dinum", "Incubateur DINUM").pk
        self.client.post(
            reverse("wagtailadmin_pages:add", args=["guides", "guidevariantpage", self.guide.pk]), data
        )
        self.assertEqual(GuideVariantPage.objects.child_of(self.guide).count(), 2)
