"""Smoke tests of the calls' page types: `/appels/` (administrators create it) and one call (coaches do)."""

from wagtail.test.utils import WagtailPageTestCase

from community.calls.models import CallIndexPage, CallPage
from community.members.groups import COACHS
from home.models import HomePage
from tests.community.calls.factories import call, call_form_data, call_index
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
    creator_group = COACHS

    def make_page(self):
        lab = incubator(self.home, "dinum", "Incubateur DINUM")
        return call(self.home, "printemps", incubator=lab, jury=40, title="Appel de printemps")

    def creation_parent(self):
        return call_index(self.home)

    def form_data(self):
        return call_form_data()

    def check_created(self, page):
        self.assertEqual(page.status, "a-venir")
        self.assertEqual(page.questions.get().question, "Faut-il une solution ?")
