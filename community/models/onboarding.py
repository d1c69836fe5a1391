"""Onboarding paths ("Parcours d'arrivée"): ordered steps per role, and each member's ticks on them."""

from django import forms
from django.conf import settings
from django.db import models

from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable
from wagtail.search import index

from modelcluster.fields import ParentalKey, ParentalManyToManyField

from community.blocks_roles import SHORT_TEXT_FEATURES, StepLinkBlock
from home.models import BasePage

# The moments a path is cut into, in the order a newcomer lives them.
MOMENTS = [
    ("jour", "Premier jour"),
    ("semaine", "Première semaine"),
    ("mois", "Premier mois"),
]
MOMENT_ORDER = {key: position for position, (key, _) in enumerate(MOMENTS)}


class OnboardingPathPage(RoutablePageMixin, BasePage):
    """A day-one path for one or several roles: what to do on the first day, week and month."""

    roles = ParentalManyToManyField(
        "home.Role",
        verbose_name="rôles concernés",
        related_name="onboarding_paths",
        help_text="Le parcours proposé à l'arrivée pour ces rôles.",
    )
    # HOOK(incubators): once the incubator model lands, an optional `incubators` many-to-many here
    # lets the "J'arrive" landing prefer an incubator's own path (see community/onboarding.py).

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("roles", widget=forms.CheckboxSelectMultiple),
        InlinePanel(
            "steps",
            label="étape",
            heading="Étapes",
            help_text=(
                "Chaque étape garde son identité quand vous la déplacez : la progression des membres "
                "est conservée. Supprimer une étape efface les coches qui la concernent."
            ),
        ),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.RelatedFields("steps", [index.SearchField("title"), index.SearchField("what_to_do")]),
    ]

    parent_page_types = ["community.OnboardingIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = "parcours d'arrivée"
        verbose_name_plural = "parcours d'arrivée"

    def ordered_steps(self):
        """Steps in reading order: by moment, then in the editors' order within a moment."""
        from community.onboarding import ordered_steps

        return ordered_steps(self)

    @path("")
    def path_view(self, request):
        from community.views_onboarding import path_page

        return path_page(request, self)

    @path("etape/<int:step_id>/", name="toggle_step")
    def toggle_step_view(self, request, step_id):
        from community.views_onboarding import toggle_step

        return toggle_step(request, self, step_id)


class OnboardingStep(Orderable):
    """One thing to do when arriving; its primary key is its stable identity for members' progress."""

    page = ParentalKey(OnboardingPathPage, on_delete=models.CASCADE, related_name="steps")
    moment = models.CharField("moment", max_length=20, choices=MOMENTS, default="jour")
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

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="compte",
        on_delete=models.CASCADE,
        related_name="onboarding_progress",
    )
    # Denormalised from the step so that statistics and summaries filter by path in one query.
    path = models.ForeignKey(
        OnboardingPathPage, verbose_name="parcours", on_delete=models.CASCADE, related_name="progress"
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
