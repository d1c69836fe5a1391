"""Smoke tests of the calls' page types: `/appels/` and one call (administrators create them)."""

from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, rich_text

from community.calls.models import CallIndexPage, CallPage
from home.models import HomePage
from tests.community.calls.factories import call, call_index, days
from tests.community.startups.factories import incubator
from tests.page_types import PageTypeSmokeTests, admin_form


class CallIndexPageTypeTest(PageTypeSmokeTests, WagtailPageTestCase):
    model = CallIndexPage
    parent_types = {HomePage}
    subpage_types = {CallPage}

    def make_page(self):
        call(self.home, "printemps", title="Appel de printemps")
        return call_index(self.home)

    def creation_parent(self):
        return self.home

    def form_data(self):
        return admin_form(title="Appels à candidatures", slug="appels", intro="Les appels du réseau.")


class CallPageTypeTest(PageTypeSmokeTests, WagtailPageTestCase):
    model = CallPage
    parent_types = {CallIndexPage}

    def make_page(self):
        lab = incubator(self.home, "dinum", "Incubateur DINUM")
        return call(self.home, "printemps", incubator=lab, jury=40, title="Appel de printemps")

    def creation_parent(self):
        return call_index(self.home)

    def form_data(self):
        question = {"question": "Faut-il une solution ?", "answer": rich_text("<p>Non.</p>"), "ORDER": "0"}
        return admin_form(
            title="Appel d'automne",
            slug="appel-automne",
            intro="",
            incubator="",
            opens_on=str(days(1)),
            deadline=str(days(30)),
            jury_on="",
            eligibility=rich_text("<p>Agents publics.</p>"),
            offer=rich_text(""),
            how_to_apply=rich_text(""),
            questions=inline_formset([question]),
            laureates=inline_formset([]),
        )

    def check_created(self, page):
        self.assertEqual(page.status, "a-venir")
        self.assertEqual(page.questions.get().question, "Faut-il une solution ?")
