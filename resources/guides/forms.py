"""The "Proposer une amélioration" form of a guide page."""

from django import forms

from core.forms import PublicFormMixin


class ImprovementForm(PublicFormMixin, forms.Form):
    """A member's proposal to improve a guide page (the page comes from the URL, not the form)."""

    rate_limit_scope = "contribution"

    text = forms.CharField(
        label="Votre proposition d'amélioration",
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text="Ce qui manque, ce qui est inexact, ce qui pourrait être plus clair.",
    )
