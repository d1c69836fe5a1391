"""Incubators of the network, their index, and the teams that work in them."""

from django.db import models

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.search import index

from core.blocks import RICH_TEXT_FEATURES
from core.pages import BasePage, ImportedPageMixin, IndexPage, api_slugs

from .attribution import BetagouvSourceMixin


class IncubatorIndexPage(IndexPage):
    """ "Incubateurs": every incubator of the network, one page each."""

    subpage_types = ["startups.IncubatorPage"]

    class Meta:
        verbose_name = "accueil des incubateurs"

    def get_children_for_listing(self):
        return super().get_children_for_listing().type(IncubatorPage).filter(incubatorpage__hidden=False)


class IncubatorPage(BetagouvSourceMixin, ImportedPageMixin, BasePage):
    """An incubator: who runs it, how to reach it, and the startups it accompanies."""

    betagouv_id = models.CharField(
        "identifiant beta.gouv.fr", max_length=200, blank=True, db_index=True, editable=False
    )
    short_description = RichTextField("description courte", features=RICH_TEXT_FEATURES, blank=True)
    description = RichTextField("description", features=RICH_TEXT_FEATURES, blank=True)
    owner_organisation = models.ForeignKey(
        "startups.Organisation",
        verbose_name="organisation porteuse",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="incubators",
    )
    website = models.URLField("site web", max_length=500, blank=True)
    github = models.URLField("dépôt de code", max_length=500, blank=True)
    contact = models.CharField(
        "contact",
        max_length=300,
        blank=True,
        help_text="Une adresse web est affichée ; une adresse électronique reste dans l'administration.",
    )
    address = models.CharField("adresse", max_length=300, blank=True)
    highlighted_startups = models.JSONField(
        "startups mises en avant", default=list, blank=True, help_text="Identifiants beta.gouv.fr."
    )
    hidden = models.BooleanField("masqué dans la liste", default=False)
    extra = models.JSONField("autres données de la fiche", default=dict, blank=True)

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("short_description"),
        FieldPanel("description"),
        FieldPanel("owner_organisation"),
        MultiFieldPanel(
            [FieldPanel("website"), FieldPanel("github"), FieldPanel("contact"), FieldPanel("address")],
            "Coordonnées",
        ),
        FieldPanel("highlighted_startups"),
        FieldPanel("hidden"),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("short_description"),
        index.SearchField("description"),
    ]
    api_fields = [
        *BasePage.api_fields,
        APIField("betagouv_id"),
        APIField("short_description"),
        APIField("description"),
        api_slugs("owner_organisation", many=False),
        APIField("website"),
        APIField("github"),
        APIField("public_contact"),
        APIField("address"),
    ]

    parent_page_types = ["startups.IncubatorIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = "incubateur"
        verbose_name_plural = "incubateurs"

    @property
    def public_contact(self):
        return self.contact if self.contact.startswith(("http://", "https://")) else ""

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        startups = (
            self.startups.live()
            .public()
            .defer_streamfields()
            .select_related("current_phase")
            .order_by("title")
        )
        highlighted = set(self.highlighted_startups or [])
        context["startups"] = startups
        context["highlighted"] = [s for s in startups if s.betagouv_id in highlighted]
        return context


class Team(models.Model):
    """An incubator's own team (animation, produits interministériels…), kept from the fiches."""

    slug = models.CharField("identifiant", max_length=150, unique=True)
    name = models.CharField("nom", max_length=255)
    mission = RichTextField("mission", features=RICH_TEXT_FEATURES, blank=True)
    incubator = models.ForeignKey(
        IncubatorPage,
        verbose_name="incubateur",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="teams",
    )
    # Filled from the member fiches (`teams:`): a team has no list of its own members.
    members = models.ManyToManyField(
        "members.Member", verbose_name="membres", blank=True, related_name="incubator_teams"
    )
    source_key = models.CharField("source", max_length=500, blank=True, editable=False)

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("incubator"),
        FieldPanel("mission"),
        FieldPanel("members"),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = "équipe d'incubateur"
        verbose_name_plural = "équipes d'incubateur"

    def __str__(self):
        return self.name
