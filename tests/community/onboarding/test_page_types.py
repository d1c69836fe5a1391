"""Smoke tests of the onboarding app's page types: roles, arrival paths and "Qui contacter".

Coaches write role pages and paths (home/editorial.py: their sections); administrators create the
sections and the contact directory, which hangs under the home page.
"""

from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, rich_text, streamfield

from community.members.groups import COACHS
from community.onboarding.models import (
    ContactDirectoryPage,
    OnboardingIndexPage,
    OnboardingPathPage,
    RoleIndexPage,
    RolePage,
)
from home.models import HomePage
from tests.community.onboarding.factories import (
    ContactDirectoryPageFactory,
    OnboardingIndexPageFactory,
    RoleIndexPageFactory,
    RolePageFactory,
    make_path,
)
from tests.core.taxonomy.factories import PhaseFactory, RoleFactory
from tests.page_types import PageTypeSmokeTests, admin_form


class RoleIndexPageTypeTest(PageTypeSmokeTests, WagtailPageTestCase):
    model = RoleIndexPage
    parent_types = {HomePage}
    subpage_types = {RolePage}

    def make_page(self):
        index = RoleIndexPageFactory(parent=self.home)
        RolePageFactory(parent=index, title="Coach", slug="coach", role=RoleFactory(slug="coach"))
        return index

    def creation_parent(self):
        return self.home

    def form_data(self):
        return admin_form(title="Rôles", slug="roles", intro="Ce que fait chacun.")


class RolePageTypeTest(PageTypeSmokeTests, WagtailPageTestCase):
    model = RolePage
    parent_types = {RoleIndexPage}
    creator_group = COACHS

    def setUp(self):
        super().setUp()
        self.index = RoleIndexPageFactory(parent=self.home)

    def make_page(self):
        return RolePageFactory(
            parent=self.index,
            title="Designer UX",
            slug="designer",
            role=RoleFactory(slug="designer", name="Designer UX"),
            mission="<p>Conçoit et teste les parcours.</p>",
            skills=[("skill", {"name": "Entretiens utilisateurs", "detail": "Dès l'investigation."})],
            whom_to_ask=[
                (
                    "contact",
                    {"name": "Communauté design", "role": "", "email": "", "url": "", "description": ""},
                )
            ],
        )

    def stream_data(self, page):
        return {
            "skills": streamfield([("skill", dict(block.value)) for block in page.skills]),
            "whom_to_ask": streamfield([("contact", dict(block.value)) for block in page.whom_to_ask]),
        }

    def creation_parent(self):
        return self.index

    def form_data(self):
        self.role = RoleFactory(slug="developpeur", name="Développeur·se")
        responsibility = {
            "phase": PhaseFactory(slug="construction").pk,
            "text": rich_text("<p>Livre chaque semaine.</p>"),
            "ORDER": "0",
        }
        return admin_form(
            title="Développeur·se",
            slug="developpeur",
            intro="Construit le service.",
            role=self.role.pk,
            mission=rich_text("<p>Construit le service, le code et son hébergement.</p>"),
            responsibilities=inline_formset([responsibility]),
            skills=streamfield([("skill", {"name": "Django", "detail": ""})]),
            whom_to_ask=streamfield([]),
            related_links=inline_formset([]),
        )

    def check_created(self, page):
        self.assertEqual(page.role, self.role)
        self.assertEqual(page.responsibilities.count(), 1)
        self.assertEqual(page.skills[0].value["name"], "Django")


class OnboardingIndexPageTypeTest(PageTypeSmokeTests, WagtailPageTestCase):
    model = OnboardingIndexPage
    parent_types = {HomePage}
    subpage_types = {OnboardingPathPage}

    def make_page(self):
        index = OnboardingIndexPageFactory(parent=self.home)
        make_path(index, "Arrivée des coachs", roles=[RoleFactory(slug="coach")])
        return index

    def creation_parent(self):
        return self.home

    def form_data(self):
        return admin_form(title="Parcours d'arrivée", slug="parcours", intro="Votre premier mois.")


class OnboardingPathPageTypeTest(PageTypeSmokeTests, WagtailPageTestCase):
    model = OnboardingPathPage
    parent_types = {OnboardingIndexPage}
    creator_group = COACHS

    def setUp(self):
        super().setUp()
        self.index = OnboardingIndexPageFactory(parent=self.home)
        self.role = RoleFactory(slug="developpeur", name="Développeur·se")

    def make_page(self):
        return make_path(
            self.index,
            "Arrivée des développeurs",
            roles=[self.role],
            steps=[("jour", "Ouvrir ses accès", True), ("semaine", "Lire le code", False)],
        )

    def stream_data(self, page):
        # Each step's links are a StreamField inside the inline form.
        return {f"steps-{index}-links": streamfield([]) for index in range(page.steps.count())}

    def creation_parent(self):
        return self.index

    def form_data(self):
        step = {
            "moment": "jour",
            "title": "Rencontrer son coach",
            "what_to_do": rich_text("<p>Prenez rendez-vous.</p>"),
            "links": streamfield([]),
            "duration_minutes": "30",
            "essential": "on",
            "ORDER": "0",
        }
        data = admin_form(
            title="Arrivée des intrapreneurs",
            slug="intrapreneur",
            intro="",
            kind="arrivee",
            steps=inline_formset([step]),
        )
        data["roles"] = [self.role.pk]  # a multiple choice: posted as a list
        return data

    def check_created(self, page):
        self.assertEqual(list(page.roles.all()), [self.role])
        self.assertEqual([step.title for step in page.steps.all()], ["Rencontrer son coach"])


def contact(name, **fields):
    return {"name": name, "role": "", "email": "", "url": "", "description": "", **fields}


class ContactDirectoryPageTypeTest(PageTypeSmokeTests, WagtailPageTestCase):
    model = ContactDirectoryPage
    parent_types = {HomePage}

    def make_page(self):
        return ContactDirectoryPageFactory(
            parent=self.home,
            categories=[
                (
                    "category",
                    {
                        "kind": "comptes",
                        "title": "Comptes et outils",
                        "text": "<p>Accès aux outils.</p>",
                        "contacts": [contact("Support", email="support@example.org")],
                    },
                )
            ],
        )

    def stream_data(self, page):
        return {
            "categories": streamfield(
                [
                    (
                        "category",
                        {
                            "kind": block.value["kind"],
                            "title": block.value["title"],
                            "text": rich_text(block.value["text"].source),
                            "contacts": streamfield(
                                [("item", dict(item)) for item in block.value["contacts"]]
                            ),
                        },
                    )
                    for block in page.categories
                ]
            )
        }

    def creation_parent(self):
        return self.home

    def form_data(self):
        # Was TestEditorsCanCreateTheDirectory (test_roles_contacts.py), there as a superuser.
        category = {
            "kind": "depart",
            "title": "Quitter une mission",
            "text": rich_text("<p>Passation.</p>"),
            "contacts": streamfield([("item", contact("Coach"))]),
        }
        return admin_form(
            title="Qui contacter",
            slug="qui-contacter",
            intro="",
            categories=streamfield([("category", category)]),
        )

    def check_created(self, page):
        self.assertEqual(page.categories[0].value["contacts"][0]["name"], "Coach")
