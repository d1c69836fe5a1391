"""Declaring a blocker: which one, for which of the member's startups, and a few words."""

from django import forms

from .models import Blocker


class DeclareForm(forms.Form):
    """No member or role travels in it: the view takes them from the account and its missions."""

    startup = forms.ModelChoiceField(label="Startup concernée", queryset=None, empty_label=None)
    blocker = forms.ModelChoiceField(
        label="Ce qui vous bloque", queryset=Blocker.objects.all(), empty_label="Choisir un blocage"
    )
    note = forms.CharField(
        label="Précisions (facultatif)",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Visibles par votre équipe et les coachs de votre incubateur seulement.",
    )

    def __init__(self, *args, startups, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["startup"].queryset = startups
