"""A shared resource: one page per template, tool, checklist, training or contact, and its kinds."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone

from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.search import index

from modelcluster.fields import ParentalManyToManyField

from core.blocks import BODY_BLOCKS
from core.pages import BasePage, api_slugs
from core.taxonomy.models import Taxonomy

LICENCES = [
    ("etalab-2.0", "Licence Ouverte / Etalab 2.0"),
    ("cc-by-4.0", "Creative Commons BY 4.0"),
    ("cc-by-sa-4.0", "Creative Commons BY-SA 4.0"),
    ("cc-by-nc-sa-4.0", "Creative Commons BY-NC-SA 4.0"),
    ("mit", "Licence MIT"),
    ("reserve", "Tous droits réservés (usage interne au réseau)"),
]

MISSING_ACCESS_MESSAGE = (
    "Une ressource doit donner accès à quelque chose : joignez un document ou indiquez un lien externe."
)


class ResourceKind(Taxonomy):
    """What kind of resource it is (modèle, outil, checklist…): editors add kinds without a deployment."""

    class Meta(Taxonomy.Meta):
        verbose_name = "type de ressource"
        verbose_name_plural = "types de ressource"


class ResourcePage(BasePage):
    """One shared resource: what it is for, for whom, at which phase, and the file or link itself."""

    body = StreamField(BODY_BLOCKS, verbose_name="présentation détaillée", blank=True)
    kind = models.ForeignKey(
        ResourceKind,
        verbose_name="type de ressource",
        on_delete=models.PROTECT,
        related_name="resources",
    )
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name="document",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Le fichier à télécharger (modèle, checklist…).",
    )
    external_url = models.URLField(
        "lien externe",
        max_length=500,
        blank=True,
        help_text="L'outil en ligne, la formation ou la page de référence.",
    )
    phases = ParentalManyToManyField("taxonomy.Phase", verbose_name="phases", blank=True, related_name="+")
    roles = ParentalManyToManyField("taxonomy.Role", verbose_name="rôles", blank=True, related_name="+")
    thematiques = ParentalManyToManyField(
        "taxonomy.Thematique", verbose_name="thématiques", blank=True, related_name="+"
    )
    contributor = models.ForeignKey(
        "members.Member",
        verbose_name="contributeur ou contributrice",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="contributed_resources",
    )
    licence = models.CharField("licence", max_length=30, choices=LICENCES, default="etalab-2.0")
    # The working group a member proposed this contribution from (its slug): the groups app attaches
    # the resource to that group when it is published. A plain slug: the library never imports groups.
    proposed_in_group = models.SlugField(
        "proposée depuis le groupe", max_length=140, blank=True, editable=False
    )
    updated_on = models.DateField(
        "mise à jour de la ressource",
        default=timezone.localdate,
        help_text="Dernière date à laquelle le contenu de la ressource a été vérifié ou modifié.",
    )

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("kind"),
        MultiFieldPanel(
            [FieldPanel("document"), FieldPanel("external_url")],
            "Accès à la ressource (au moins l'un des deux)",
        ),
        FieldPanel("body"),
        MultiFieldPanel(
            [FieldPanel("phases"), FieldPanel("roles"), FieldPanel("thematiques")],
            "Pour qui, à quel moment",
        ),
        FieldRowPanel([FieldPanel("contributor"), FieldPanel("licence"), FieldPanel("updated_on")]),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("body"),
        index.RelatedFields("kind", [index.SearchField("name")]),
        index.FilterField("kind"),
        index.FilterField("updated_on"),
    ]
    api_fields = [
        *BasePage.api_fields,
        APIField("body"),
        api_slugs("kind", many=False),
        APIField("document"),
        APIField("external_url"),
        api_slugs("phases"),
        api_slugs("roles"),
        api_slugs("thematiques"),
        APIField("licence"),
        APIField("updated_on"),
    ]

    parent_page_types = ["library.ResourceIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = "ressource"
        verbose_name_plural = "ressources"

    def clean(self):
        super().clean()
        if not self.document_id and not self.external_url:
            message = MISSING_ACCESS_MESSAGE
            raise ValidationError({"document": message, "external_url": message})

    @property
    def document_format(self) -> str:
        """The file's format as readers say it ("PDF", "CSV"), empty without a document."""
        return self.document.file_extension.upper() if self.document else ""

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["taxonomies"] = [
            ("Phases", list(self.phases.all())),
            ("Rôles", list(self.roles.all())),
            ("Thématiques", list(self.thematiques.all())),
        ]
        return context
