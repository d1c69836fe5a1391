"""Who sponsors and owns the network's startups and incubators, and who they serve."""

from django.db import models

from wagtail.admin.panels import FieldPanel
from wagtail.search import index

from core.taxonomy.models import Taxonomy


class Organisation(index.Indexed, models.Model):
    """An administration that sponsors startups or owns an incubator (a snippet, shared by both)."""

    slug = models.CharField(
        "identifiant",
        max_length=150,
        unique=True,
        help_text="Nom du fichier beta.gouv.fr sans « .md » (ex. : dinum), utilisé dans les adresses.",
    )
    name = models.CharField("nom", max_length=255)
    acronym = models.CharField("sigle", max_length=60, blank=True)
    type = models.CharField("type", max_length=100, blank=True, help_text="Ex. : administration-centrale")
    domaine_ministeriel = models.CharField("domaine ministériel", max_length=100, blank=True)
    description = models.TextField("description", blank=True)
    source_key = models.CharField("source", max_length=500, blank=True, editable=False)

    panels = [
        FieldPanel("name"),
        FieldPanel("acronym"),
        FieldPanel("slug"),
        FieldPanel("type"),
        FieldPanel("domaine_ministeriel"),
        FieldPanel("description"),
    ]
    search_fields = [index.SearchField("name"), index.SearchField("acronym"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["name"]
        verbose_name = "organisation"
        verbose_name_plural = "organisations"

    def __str__(self):
        return f"{self.name} ({self.acronym})" if self.acronym else self.name

    @property
    def short_name(self):
        return self.acronym or self.name


class Audience(Taxonomy):
    """A "public cible" of startups: the known beta.gouv.fr list plus free-text values kept as written."""

    is_standard = models.BooleanField(
        "valeur de la liste beta.gouv.fr",
        default=False,
        help_text="Décoché : valeur libre saisie telle quelle dans une fiche.",
    )

    panels = [*Taxonomy.panels, FieldPanel("is_standard")]

    class Meta(Taxonomy.Meta):
        ordering = ["-is_standard", "order", "name"]
        verbose_name = "public cible"
        verbose_name_plural = "publics cibles"
