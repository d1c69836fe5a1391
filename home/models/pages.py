"""The home page and the generic editorial page."""

from django.db import models

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from community.calls.listing import open_calls
from community.onboarding.suggestions import home_overview
from community.startups.figures import home_figures
from community.startups.models import StartupIndexPage
from core.blocks import BODY_BLOCKS, EntryPointBlock
from core.pages import BasePage
from resources.guides.models import GuideIndexPage
from resources.library.models import ResourceIndexPage

# Section index pages whose children feed the home page's "latest" lists.
LATEST_SECTIONS = {"latest_guides": GuideIndexPage, "latest_resources": ResourceIndexPage}


class HomePage(BasePage):
    """The site's front door: who it is for, where to start, and what is new."""

    hero_title = models.CharField("titre d'accroche", max_length=200)
    hero_text = models.TextField("texte d'accroche", blank=True)
    entry_points = StreamField(
        [("entry_point", EntryPointBlock())],
        verbose_name="points d'entrée par public",
        blank=True,
        max_num=6,
    )
    latest_count = models.PositiveSmallIntegerField("nombre d'éléments récents", default=3)

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel([FieldPanel("hero_title"), FieldPanel("hero_text")], "Accroche"),
        FieldPanel("entry_points"),
        FieldPanel("latest_count"),
    ]
    search_fields = [*BasePage.search_fields, index.SearchField("hero_text")]
    api_fields = [*BasePage.api_fields, APIField("hero_title"), APIField("hero_text")]

    max_count = 1
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "home.ContentPage",
        "guides.GuideIndexPage",
        "library.ResourceIndexPage",
        "startups.StartupIndexPage",
        "onboarding.RoleIndexPage",
        "onboarding.OnboardingIndexPage",
        "library.ContributionPage",
        "onboarding.ContactDirectoryPage",
        "startups.IncubatorIndexPage",
        "calls.CallIndexPage",
        "home.KeyFiguresPage",
        "home.SitemapPage",
        "home.AccessibilityStatementPage",
        "home.LegalNoticePage",
        "home.PersonalDataPage",
    ]

    class Meta:
        verbose_name = "page d'accueil"

    def section_pages(self, model):
        """Public pages under the section of that index type, empty while the section is absent."""
        section = model.objects.live().descendant_of(self).first()
        if section is None:
            return Page.objects.none()
        return Page.objects.live().public().descendant_of(section)

    def latest_in_section(self, model):
        """Most recently published pages under a section."""
        return (
            self.section_pages(model)
            .order_by("-first_published_at")
            .specific()
            .defer_streamfields()[: self.latest_count]
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        for name, model in LATEST_SECTIONS.items():
            context[name] = self.latest_in_section(model)
        # Passed uncalled: the template calls it inside its cached fragment, so a hit costs no count.
        context["key_figures"] = self.key_figures
        # A logged-in member's « Pour moi » in short; rendered outside every cached fragment.
        context["for_me_sections"] = home_overview(request)
        context["open_calls"] = open_calls()  # the banner, while a call is open
        return context

    def key_figures(self):
        """Headline counts for the home page; each later section adds its own figure."""
        figures = [
            {"label": label, "value": self.section_pages(model).count()}
            for label, model in (
                ("guides", GuideIndexPage),
                ("ressources", ResourceIndexPage),
                ("startups", StartupIndexPage),
            )
        ]
        figures.extend(home_figures())
        return figures


class ContentPage(BasePage):
    """A plain editorial page (accessibilité, mentions légales, à propos…)."""

    body = StreamField(BODY_BLOCKS, verbose_name="contenu", blank=True)

    content_panels = [*BasePage.content_panels, FieldPanel("body")]
    search_fields = [*BasePage.search_fields, index.SearchField("body")]
    api_fields = [*BasePage.api_fields, APIField("body")]

    # Under the home page (or another content page), never beside it at the tree's root, outside
    # every site, where no visitor could reach it.
    parent_page_types = ["home.HomePage", "home.IncubatorHomePage", "home.ContentPage"]
    subpage_types = ["home.ContentPage"]

    class Meta:
        verbose_name = "page de contenu"
        verbose_name_plural = "pages de contenu"
