"""Taxonomies shared by guides, resources, startups and roles, so every filter speaks one language."""

from django.db import models

from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.search import index

from core.blocks.text import SHORT_TEXT_FEATURES


class TaxonomyQuerySet(models.QuerySet):
    def by_slugs(self, slugs):
        return self.filter(slug__in=[s for s in slugs if s])


class Taxonomy(index.Indexed, models.Model):
    """Common shape of an editable taxonomy term: a stable slug for URLs, a French label."""

    slug = models.SlugField("identifiant", max_length=80, unique=True)
    name = models.CharField("libellé", max_length=120)
    description = models.TextField("description", blank=True)
    order = models.PositiveIntegerField("ordre", default=0)

    objects = TaxonomyQuerySet.as_manager()

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("description"),
        FieldPanel("order"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        abstract = True
        ordering = ["order", "name"]

    def __str__(self):
        return self.name


# Phases after which a startup no longer grows in its incubator (beta.gouv.fr's identifiers). The
# rule is defined here once: the site setup, the demo and the importer create phases through it.
ENDING_PHASE_SLUGS = frozenset({"transfere", "opere", "abandon-investigation", "abandon"})


class PhaseQuerySet(TaxonomyQuerySet):
    def active(self):
        """Phases of a startup still being built (investigation, construction…)."""
        return self.filter(is_ending=False)


class Phase(Taxonomy):
    """A phase of a startup d'État's life (investigation, construction…), for guides and startups.

    Its page (/phases/<slug>/) shows what editors write here next to what is computed: typical
    duration from the imported timelines, startups in it now, each role's responsibilities.
    """

    exit_criteria = RichTextField(
        "critères de sortie",
        features=SHORT_TEXT_FEATURES,
        blank=True,
        help_text="Ce qu'il faut avoir démontré pour passer à la phase suivante.",
    )
    committee = RichTextField(
        "comité",
        features=SHORT_TEXT_FEATURES,
        blank=True,
        help_text="Le comité qui clôt la phase : qui y siège, ce qu'on y présente, ce qui s'y décide.",
    )
    documentation_url = models.URLField("documentation", blank=True)
    is_ending = models.BooleanField(
        "phase de fin",
        default=False,
        help_text="Abandon, transfert… : la startup ne se développe plus dans l'incubateur.",
    )

    objects = PhaseQuerySet.as_manager()

    panels = [
        *Taxonomy.panels,
        FieldPanel("exit_criteria"),
        FieldPanel("committee"),
        FieldPanel("documentation_url"),
        FieldPanel("is_ending"),
    ]

    class Meta(Taxonomy.Meta):
        verbose_name = "phase"
        verbose_name_plural = "phases"

    def save(self, *args, **kwargs):
        # A new phase known to end a startup's growth is marked so; editors may change it later.
        if self._state.adding and self.slug in ENDING_PHASE_SLUGS:
            self.is_ending = True
        return super().save(*args, **kwargs)


class Role(Taxonomy):
    """An actor of the network (intrapreneur, coach…): guides, resources and members are tagged with it."""

    class Meta(Taxonomy.Meta):
        verbose_name = "rôle"
        verbose_name_plural = "rôles"


class Thematique(Taxonomy):
    """A public-policy theme (santé, emploi…) that startups and resources are classified under."""

    class Meta(Taxonomy.Meta):
        verbose_name = "thématique"
        verbose_name_plural = "thématiques"
