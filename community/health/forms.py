"""The NPS question: a score from 0 to 10, or « plus tard »."""

from django import forms

QUESTION = "Recommanderiez-vous la communauté à une ou un collègue ?"


class NpsForm(forms.Form):
    """0 (pas du tout probable) to 10 (très probable); `plus-tard` dismisses for the period."""

    score = forms.TypedChoiceField(
        label=QUESTION,
        choices=[(str(n), str(n)) for n in range(11)],
        coerce=int,
        required=False,
        widget=forms.RadioSelect,
    )
    action = forms.ChoiceField(choices=[("repondre", "Répondre"), ("plus-tard", "Plus tard")])
    next = forms.CharField(required=False, max_length=2000)

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("action") == "repondre" and cleaned.get("score") in (None, ""):
            self.add_error("score", "Choisissez une note de 0 à 10, ou répondez plus tard.")
        return cleaned
