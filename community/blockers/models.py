"""Blockers editors define, the rules that lead each to recommendations, and the blockers teams declare."""

from django.db import models

from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.models import Orderable
from wagtail.search import index

from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel


class Blocker(index.Indexed, models.Model):
    """A kind of problem startups meet (« passer un marché », « héberger »…): what a team declares."""

    name = models.CharField("intitulé", max_length=150)
    slug = models.SlugField("identifiant", max_length=80, unique=True)
    description = models.TextField("description", blank=True, help_text="Aide la startup à choisir.")
    order = models.PositiveSmallIntegerField("ordre", default=0)

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description"), FieldPanel("order")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["order", "name"]
        verbose_name = "blocage"
        verbose_name_plural = "blocages"

    def __str__(self):
        return self.name


class RecommendationRule(ClusterableModel):
    """When a blocker meets a startup like this (phase, thématique, sponsor, role), recommend these.

    An empty condition matches every startup; rules apply in `position` order, and their
    recommendations follow one another in that order.
    """

    blocker = models.ForeignKey(
        Blocker, verbose_name="blocage", on_delete=models.CASCADE, related_name="rules"
    )
    name = models.CharField("nom de la règle", max_length=150)
    position = models.PositiveSmallIntegerField("position", default=0)
    phases = ParentalManyToManyField("taxonomy.Phase", verbose_name="phases", blank=True, related_name="+")
    thematiques = ParentalManyToManyField(
        "taxonomy.Thematique", verbose_name="thématiques", blank=True, related_name="+"
    )
    roles = ParentalManyToManyField(
        "taxonomy.Role",
        verbose_name="rôles",
        blank=True,
        related_name="+",
        help_text="Le rôle de la personne qui déclare le blocage, dans sa mission sur la startup.",
    )
    sponsor_types = models.CharField(
        "types de sponsor",
        max_length=300,
        blank=True,
        help_text="Séparés par des virgules, comme dans les fiches (ex. : operateur, ministere).",
    )

    panels = [
        FieldPanel("blocker"),
        FieldPanel("name"),
        FieldPanel("position"),
        MultiFieldPanel(
            [
                FieldPanel("phases"),
                FieldPanel("thematiques"),
                FieldPanel("sponsor_types"),
                FieldPanel("roles"),
            ],
            "Conditions (vide : toutes les startups)",
        ),
        InlinePanel("items", label="recommandation", heading="Recommandations, dans l'ordre"),
    ]

    class Meta:
        ordering = ["blocker", "position", "pk"]
        verbose_name = "règle de recommandation"
        verbose_name_plural = "règles de recommandation"

    def __str__(self):
        return f"{self.blocker} — {self.name}"

    @property
    def sponsor_type_list(self) -> list[str]:
        return [value.strip() for value in self.sponsor_types.split(",") if value.strip()]


class RecommendationItem(Orderable):
    """One recommendation: a guide or resource of the site, a contact, or a programme elsewhere."""

    GUIDE, RESOURCE, CONTACT, PROGRAMME = "guide", "ressource", "contact", "programme"
    KINDS = [(GUIDE, "Guide"), (RESOURCE, "Ressource"), (CONTACT, "Contact"), (PROGRAMME, "Programme")]

    rule = ParentalKey(RecommendationRule, on_delete=models.CASCADE, related_name="items")
    kind = models.CharField("type", max_length=20, choices=KINDS)
    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name="page du site",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        help_text="Pour un guide ou une ressource.",
    )
    title = models.CharField("intitulé", max_length=200, blank=True, help_text="Sinon, le titre de la page.")
    url = models.URLField("lien", max_length=500, blank=True)
    text = models.TextField("en quelques mots", blank=True)

    panels = [
        FieldPanel("kind"),
        PageChooserPanel("page"),
        FieldPanel("title"),
        FieldPanel("url"),
        FieldPanel("text"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = "recommandation"
        verbose_name_plural = "recommandations"

    def __str__(self):
        return self.label

    @property
    def label(self) -> str:
        return self.title or (self.page.title if self.page_id else "") or self.url


class DeclaredBlockerQuerySet(models.QuerySet):
    def open(self):
        return self.filter(closed_at__isnull=True)

    def closed(self):
        return self.filter(closed_at__isnull=False)


class DeclaredBlocker(models.Model):
    """A blocker a startup's team declared: seen by that team and its incubator's coaches only."""

    startup = models.ForeignKey(
        "startups.StartupPage", verbose_name="startup", on_delete=models.CASCADE, related_name="blockers"
    )
    blocker = models.ForeignKey(Blocker, verbose_name="blocage", on_delete=models.PROTECT, related_name="+")
    note = models.TextField("précisions", blank=True)
    declared_by = models.ForeignKey(
        "members.Member", verbose_name="déclaré par", on_delete=models.PROTECT, related_name="+"
    )
    role = models.ForeignKey(
        "taxonomy.Role",
        verbose_name="rôle",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    declared_at = models.DateTimeField("déclaré le", auto_now_add=True)
    closed_at = models.DateTimeField("résolu le", null=True, blank=True)
    closed_by = models.ForeignKey(
        "members.Member",
        verbose_name="clos par",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    objects = DeclaredBlockerQuerySet.as_manager()

    # Private to a team: never on a public page, so saving one never empties the page cache.
    shown_on_public_pages = False

    class Meta:
        ordering = ["-declared_at", "-pk"]
        verbose_name = "blocage déclaré"
        verbose_name_plural = "blocages déclarés"

    def __str__(self):
        return f"{self.blocker} — {self.startup}"

    @property
    def is_open(self) -> bool:
        return self.closed_at is None


class RecommendationMark(models.Model):
    """What the team made of one recommendation for one declared blocker: useful, done."""

    declared = models.ForeignKey(DeclaredBlocker, on_delete=models.CASCADE, related_name="marks")
    item = models.ForeignKey(RecommendationItem, on_delete=models.CASCADE, related_name="+")
    useful = models.BooleanField("utile", default=False)
    done = models.BooleanField("fait", default=False)

    shown_on_public_pages = False

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["declared", "item"], name="one_mark_per_recommendation")
        ]

    def __str__(self):
        return f"{self.declared} — {self.item}"
