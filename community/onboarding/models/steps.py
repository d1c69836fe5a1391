"""The steps of an onboarding path, and each member's ticks on them."""

from django.conf import settings
from django.db import models

from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable

from modelcluster.fields import ParentalKey

from core.blocks.navigation import StepLinkBlock
from core.blocks.text import SHORT_TEXT_FEATURES

# The two kinds of path: arriving in the community and leaving it well.
ARRIVAL, DEPARTURE = "arrivee", "depart"
KINDS = [(ARRIVAL, "Arrivée"), (DEPARTURE, "Départ")]

# The moments a path is cut into, in the order a member lives them: an arrival counts from the first
# day, a departure towards the last one (and after it, for the feedback).
ARRIVAL_MOMENTS = [
    ("jour", "Premier jour"),
    ("semaine", "Première semaine"),
    ("mois", "Premier mois"),
]
DEPARTURE_MOMENTS = [
    ("j-30", "J-30"),
    ("derniere-semaine", "Dernière semaine"),
    ("dernier-jour", "Dernier jour"),
    ("apres", "Après"),
]
MOMENTS = ARRIVAL_MOMENTS + DEPARTURE_MOMENTS
MOMENTS_BY_KIND = {ARRIVAL: ARRIVAL_MOMENTS, DEPARTURE: DEPARTURE_MOMENTS}
MOMENT_ORDER = {key: position for position, (key, _) in enumerate(MOMENTS)}


class OnboardingStep(Orderable):
    """One thing to do when arriving or leaving; its primary key is its identity for members' progress."""

    page = ParentalKey("onboarding.OnboardingPathPage", on_delete=models.CASCADE, related_name="steps")
    moment = models.CharField(
        "moment",
        max_length=20,
        choices=MOMENTS,
        default="jour",
        help_text="Premier jour, semaine, mois pour une arrivée ; J-30 à « Après » pour un départ.",
    )
    title = models.CharField("titre", max_length=200)
    what_to_do = RichTextField("quoi faire", features=SHORT_TEXT_FEATURES, blank=True)
    links = StreamField([("link", StepLinkBlock())], verbose_name="liens", blank=True)
    duration_minutes = models.PositiveIntegerField(
        "durée estimée (minutes)", null=True, blank=True, help_text="Laisser vide si elle varie trop."
    )
    essential = models.BooleanField(
        "étape essentielle",
        default=True,
        help_text="Le parcours est terminé quand toutes les essentielles le sont.",
    )

    panels = [
        FieldPanel("moment"),
        FieldPanel("title"),
        FieldPanel("what_to_do"),
        FieldPanel("links"),
        FieldPanel("duration_minutes"),
        FieldPanel("essential"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = "étape"
        verbose_name_plural = "étapes"

    def __str__(self):
        return self.title

    @property
    def duration_label(self):
        if not self.duration_minutes:
            return ""
        hours, minutes = divmod(self.duration_minutes, 60)
        if not hours:
            return f"{minutes} min"
        return f"{hours} h {minutes:02d}" if minutes else f"{hours} h"


class OnboardingProgress(models.Model):
    """A step a user ticked as done: one row per (user, step), removed when unticked."""

    shown_on_public_pages = False  # a member's tick must not empty the page cache (core/caching)

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="compte",
        on_delete=models.CASCADE,
        related_name="onboarding_progress",
    )
    # Denormalised from the step so that statistics and summaries filter by path in one query.
    path = models.ForeignKey(
        "onboarding.OnboardingPathPage",
        verbose_name="parcours",
        on_delete=models.CASCADE,
        related_name="progress",
    )
    step = models.ForeignKey(
        OnboardingStep, verbose_name="étape", on_delete=models.CASCADE, related_name="progress"
    )
    done_at = models.DateTimeField("faite le", auto_now_add=True)

    class Meta:
        verbose_name = "étape faite"
        verbose_name_plural = "étapes faites"
        constraints = [
            models.UniqueConstraint(fields=["user", "step"], name="onboarding_progress_unique_step")
        ]
        indexes = [models.Index(fields=["path", "user"])]

    def __str__(self):
        return f"{self.user} — {self.step}"
