"""Onboarding paths ("Parcours d'arrivée"): what a newcomer does on the first day, week and month."""

from django import forms

from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.search import index

from modelcluster.fields import ParentalManyToManyField

from core.pages import BasePage, api_slugs

from .. import checklist
from ..progress import ordered_steps


class OnboardingPathPage(RoutablePageMixin, BasePage):
    """A day-one path for one or several roles: what to do on the first day, week and month."""

    roles = ParentalManyToManyField(
        "taxonomy.Role",
        verbose_name="rôles concernés",
        related_name="onboarding_paths",
        help_text="Le parcours proposé à l'arrivée pour ces rôles.",
    )

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
    api_fields = [*BasePage.api_fields, api_slugs("roles")]

    parent_page_types = ["onboarding.OnboardingIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = "parcours d'arrivée"
        verbose_name_plural = "parcours d'arrivée"

    def ordered_steps(self):
        """Steps in reading order: by moment, then in the editors' order within a moment."""
        return ordered_steps(self)

    @path("")
    def path_view(self, request):
        return checklist.path_page(request, self)

    @path("etape/<int:step_id>/", name="toggle_step")
    def toggle_step_view(self, request, step_id):
        return checklist.toggle_step(request, self, step_id)
