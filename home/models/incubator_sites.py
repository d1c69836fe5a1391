"""An incubator's own site: its home page, identity and navigation, over the network's shared content.

Choice (issue 18, item 3): shared content is **served on the incubator's hostname by routing**,
not copied nor only linked. `IncubatorHomePage.route` tries the incubator's own pages first, then
falls back to the network's home page tree, so `/guides/…`, `/ressources/…` and `/startups/` answer
on `fabrique-mi.example.fr` as on the network's hostname: the same live pages, the same view
restrictions (Wagtail's serve view checks them on the page found), and the startup directory and
search narrowed to the incubator by default (community/startups/sites.py). Links Wagtail builds
inside those pages (`pageurl`) still lead to the network's hostname, where every page also lives:
one canonical address per page, and nothing a draft or a private page could leak through.
"""

from django.db import models
from django.http import Http404

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page

from community.startups.models import StartupPage
from core.blocks import BODY_BLOCKS
from core.pages import BasePage

from .pages import HomePage


class IncubatorHomePage(BasePage):
    """The root of an incubator's own Wagtail site: its name, words and pages, shared content beneath."""

    incubator = models.ForeignKey(
        "startups.IncubatorPage",
        verbose_name="incubateur",
        on_delete=models.PROTECT,
        related_name="own_sites",
        help_text="Ses startups sont mises en avant ; la recherche et l'annuaire s'y limitent par défaut.",
    )
    service_title = models.CharField(
        "nom du service", max_length=80, help_text="Affiché dans l'en-tête à la place du nom du réseau."
    )
    tagline = models.CharField("devise", max_length=200, blank=True)
    footer_text = models.TextField("texte du pied de page", blank=True)
    body = StreamField(BODY_BLOCKS, verbose_name="contenu", blank=True)

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("incubator"),
        MultiFieldPanel(
            [FieldPanel("service_title"), FieldPanel("tagline"), FieldPanel("footer_text")],
            "Identité du site",
        ),
        FieldPanel("body"),
    ]

    parent_page_types = ["wagtailcore.Page"]  # a site's root, beside the network's home page
    subpage_types = ["home.ContentPage"]  # its own pages; the method and resources stay shared

    class Meta:
        verbose_name = "accueil d'un site d'incubateur"
        verbose_name_plural = "accueils de sites d'incubateur"

    def route(self, request, path_components):
        """The incubator's own pages first, then the network's tree (see the module's docstring)."""
        try:
            return super().route(request, path_components)
        except Http404:
            network = network_home()
            if network is None or not path_components:
                raise
            return network.route(request, path_components)

    def identity(self) -> dict:
        return {
            "service_title": self.service_title,
            "tagline": self.tagline or f"Incubateur {self.incubator.title}, membre du réseau",
            "footer_text": self.footer_text,
        }

    def latest_startups(self, count=6):
        return (
            StartupPage.objects.live()
            .public()
            .filter(incubator=self.incubator)
            .defer_streamfields()
            .select_related("current_phase")
            .order_by("title")[:count]
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["startups"] = self.latest_startups()
        network = network_home()
        context["shared_sections"] = shared_sections(network) if network else []
        return context


def network_home() -> HomePage | None:
    """The network's home page: the one `HomePage` (max_count = 1), live."""
    return HomePage.objects.live().first()


def local_url(network: Page, page: Page) -> str:
    """A network page's address on an incubator's hostname, where `IncubatorHomePage.route` serves it."""
    return page.url_path[len(network.url_path) - 1 :]


def shared_sections(network: Page) -> list[dict]:
    """The network's menu sections, each with its address on the incubator's own hostname."""
    sections = network.get_children().live().public().in_menu().order_by("path")
    return [{"title": page.title, "url": local_url(network, page)} for page in sections]
