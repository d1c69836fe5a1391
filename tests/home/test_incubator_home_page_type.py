"""Smoke tests of an incubator site's home page type: tree rules, rendering, the admin's forms."""

from django.test import override_settings

from wagtail.models import Page, Site
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import streamfield

from home.models import ContentPage, IncubatorHomePage
from tests.community.startups.factories import incubator, startup
from tests.core.factories import published_child
from tests.page_types import PageTypeSmokeTests, admin_form

HOST = "fabrique-mi.test"


class IncubatorHomePageTypeTest(PageTypeSmokeTests, WagtailPageTestCase):
    model = IncubatorHomePage
    parent_types = {Page}  # a site's root, beside the network's home page
    subpage_types = {ContentPage}

    def setUp(self):
        super().setUp()
        self.lab = incubator(self.home, "fabrique-mi", title="Fabrique du MI")

    def make_page(self):
        startup(self.home, "Guichet MI", incubator=self.lab)
        page = IncubatorHomePage(
            title="Fabrique du MI", slug="site-fabrique-mi", incubator=self.lab, service_title="Le MI"
        )
        page = published_child(Page.get_first_root_node(), page)
        Site.objects.create(hostname=HOST, port=80, site_name="Fabrique du MI", root_page=page)
        return page

    @override_settings(ALLOWED_HOSTS=["localhost", HOST])
    def test_renders(self):
        # Wagtail's helper asks the default host; the page is the root of its own hostname.
        self.make_page()
        response = self.client.get("/", HTTP_HOST=HOST)
        self.assertContains(response, "Guichet MI")
        self.assertContains(response, '<p class="fr-header__service-title">Le MI</p>', html=False)

    def creation_parent(self):
        return Page.get_first_root_node()

    def form_data(self):
        return admin_form(
            title="Fabrique du MI",
            slug="site-fabrique-mi",
            intro="L'incubateur du ministère de l'Intérieur.",
            incubator=self.lab.pk,
            service_title="Fabrique du MI",
            tagline="",
            footer_text="",
            body=streamfield([]),
        )

    def check_created(self, page):
        self.assertEqual(page.incubator, self.lab)
        self.assertEqual(page.identity()["tagline"], "Incubateur Fabrique du MI, membre du réseau")

    def stream_data(self, page):
        return {"body": streamfield([])}
