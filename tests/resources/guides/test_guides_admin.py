"""A coach creates and edits a guide page in the admin, with every classification field."""

import datetime

from django.urls import reverse

from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from resources.guides.models import GuideIndexPage, GuidePage
from tests.community.members.factories import UserFactory
from tests.core.taxonomy.factories import PhaseFactory, RoleFactory
from tests.home.factories import HomePageFactory
from tests.resources.guides.factories import GuideIndexPageFactory, GuidePageFactory


class CoachEditsGuidesTest(WagtailPageTestCase):
    def setUp(self):
        from wagtail.models import Page

        home = HomePageFactory(parent=Page.get_first_root_node(), slug="accueil-admin")
        self.index = GuideIndexPageFactory(parent=home)
        self.phase = PhaseFactory(slug="investigation", name="Investigation")
        self.role = RoleFactory(slug="coach", name="Coach")
        self.coach = UserFactory(username="coach.test", groups=["Coachs"])
        self.client.force_login(self.coach)

    def form_data(self, title):
        data = nested_form_data(
            {
                "title": title,
                "slug": "preparer-le-comite",
                "intro": "Ce qu'on montre au comité d'investissement.",
                "icon": "🗳️",
                "body": streamfield(
                    [
                        ("heading", {"text": "Avant le comité", "level": "h2", "anchor": ""}),
                        ("paragraph", rich_text("<p>Rassemblez vos preuves.</p>")),
                        (
                            "callout",
                            {"style": "warning", "title": "", "text": rich_text("<p>Soyez bref.</p>")},
                        ),
                    ]
                ),
                "tags": "comité, investigation",
                "coach": self.coach.pk,
                "last_reviewed_at": "2026-10-01",
                "review_interval_days": 180,
            }
        )
        # Multiple-choice fields post one value per choice (nested_form_data would number them).
        data["phases"] = [self.phase.pk]
        data["roles"] = [self.role.pk]
        return data

    def test_coach_can_create_a_guide_page(self):
        self.assertCanCreateAt(GuideIndexPage, GuidePage)
        self.assertCanCreateAt(GuidePage, GuidePage)
        self.assertCanCreate(self.index, GuidePage, self.form_data("Préparer le comité"))
        page = GuidePage.objects.get(slug="preparer-le-comite")
        revision = page.get_latest_revision_as_object()
        assert [block.block_type for block in revision.body] == ["heading", "paragraph", "callout"]
        assert list(revision.phases.all()) == [self.phase]
        assert list(revision.roles.all()) == [self.role]
        assert sorted(tag.name for tag in revision.tags.all()) == ["comité", "investigation"]
        assert revision.coach == self.coach
        assert revision.next_review_on == datetime.date(2026, 10, 1) + datetime.timedelta(days=180)

    def test_coach_can_edit_a_guide_page(self):
        page = GuidePageFactory(parent=self.index, title="Ancien titre", slug="preparer-le-comite")
        response = self.client.post(
            reverse("wagtailadmin_pages:edit", args=[page.pk]),
            {**self.form_data("Nouveau titre"), "action-publish": "1"},
        )
        assert response.status_code == 302, response.content.decode()[:2000]
        page.refresh_from_db()
        assert page.title == "Nouveau titre"
        assert page.body[2].value["style"] == "warning"
        assert page.revisions.count() == 1
