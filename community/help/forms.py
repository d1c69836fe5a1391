"""The « ça m'a aidé » answer after a situation, and the member's « j'accepte d'être contacté·e »."""

from django import forms

from core.forms import PublicFormMixin

from .models import HelpSituation


class OutcomeForm(PublicFormMixin, forms.Form):
    """Two buttons, no text: nothing the reader types could name anyone."""

    rate_limit_scope = "help-outcome"

    helped = forms.TypedChoiceField(
        choices=[("oui", "Ça m'a aidé"), ("non", "Je suis toujours bloqué·e")],
        coerce=lambda value: value == "oui",
        error_messages={"required": "Choisissez « ça m'a aidé » ou « je suis toujours bloqué·e »."},
    )


class LivedExperienceForm(forms.Form):
    """The situations a member lived and accepts to be contacted about, ticked on one page."""

    situations = forms.ModelMultipleChoiceField(
        label="J'accepte d'être contacté·e sur ces situations",
        queryset=HelpSituation.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": "Cette situation n'existe plus : rechargez la page."},
    )
