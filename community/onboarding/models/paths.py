"""Paths: what a newcomer does on the first day, week and month, and what a leaver does before going.

One page type for both kinds (« arrivée », « départ »): same steps, moments and progress; only the
moments differ. A path may belong to an incubator; members of that incubator get it instead of the
network's path for their role (incubators.py).
"""

from django import forms
from django.db import models

from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.search import index

from modelcluster.fields import ParentalManyToManyField

from core.pages import BasePage, api_slugs

from .. import checklist
from ..progress import ordered_steps
from .steps import ARRIVAL, DEPARTURE, KINDS, MOMENTS_BY_KIND


class PathPageForm(WagtailAdminPageForm):
    """Refuses a step whose moment belongs to the other kind (« J-30 » in an arrival path)."""

    def is_valid(self):
        # The steps' formset is cleaned after the page's own `clean()`: check the pair once both are.
        valid = super().is_valid()
        kind = (getattr(self, "cleaned_data", None) or {}).get("kind") or ARRIVAL
        allowed = dict(MOMENTS_BY_KIND[kind])
        kind_label = "de départ" if kind == DEPARTURE else "d'arrivée"
        for form in self.formsets["steps"].forms:
            data = getattr(form, "cleaned_data", None) or {}
            if data.get("DELETE") or not data.get("moment") or data["moment"] in allowed:
                continue
            form.add_error(
                "moment",
                f"Ce moment ne convient pas à un parcours {kind_label} : choisissez "
                f"{', '.join(f'« {label} »' for label in allowed.values())}.",
            )
            valid = False
        return valid


class OnboardingPathPage(RoutablePageMixin, BasePage):
    """A path for one or several roles, arriving (day, week, month) or leaving (J-30 to after)."""

    kind = models.CharField(
        "type de parcours",
        max_length=10,
        choices=KINDS,
        default=ARRIVAL,
        help_text="Un parcours de départ est proposé aux membres dont la mission se termine.",
    )
    roles = ParentalManyToManyField(
        "taxonomy.Role",
        verbose_name="rôles concernés",
        related_name="onboarding_paths",
        help_text="Le parcours proposé à ces rôles.",
    )
    incubator = models.ForeignKey(
        "startups.IncubatorPage",
        verbose_name="incubateur",
        null=True,
        blank=True,
        # The incubator's members fall back to the network's path: the page stays, for everyone.
        on_delete=models.SET_NULL,
        related_name="onboarding_paths",
        help_text="Vide : le parcours du réseau, proposé quand l'incubateur du membre n'a pas le sien.",
    )

    base_form_class = PathPageForm
    content_panels = [
        *BasePage.content_panels,
        FieldPanel("kind"),
        FieldPanel("roles", widget=forms.CheckboxSelectMultiple),
        FieldPanel("incubator"),
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
        index.FilterField("kind"),
        index.RelatedFields("steps", [index.SearchField("title"), index.SearchField("what_to_do")]),
    ]
    api_fields = [*BasePage.api_fields, APIField("kind"), api_slugs("roles")]

    parent_page_types = ["onboarding.OnboardingIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = "parcours d'arrivée ou de départ"
        verbose_name_plural = "parcours d'arrivée ou de départ"

    @property
    def is_departure(self):
        return self.kind == DEPARTURE

    def ordered_steps(self):
        """Steps in reading order: by moment, then in the editors' order within a moment."""
        return ordered_steps(self)

    @path("")
    def path_view(self, request):
        return checklist.path_page(request, self)

    @path("etape/<int:step_id>/", name="toggle_step")
    def toggle_step_view(self, request, step_id):
        return checklist.toggle_step(request, self, step_id)

    @path("questionnaire/", name="exit_questionnaire")
    def exit_questionnaire_view(self, request):
        return checklist.answer_exit_questionnaire(request, self)
