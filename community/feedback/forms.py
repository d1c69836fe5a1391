"""The "Cette page vous a-t-elle été utile ?" form shown at the foot of pages."""

from django import forms

from core.forms import PublicFormMixin

from .models import COMMENT_MAX_LENGTH


class FeedbackForm(PublicFormMixin, forms.Form):
    """Yes/no plus an optional comment; the page comes from a hidden id checked by the view."""

    rate_limit_scope = "feedback"

    page = forms.IntegerField(widget=forms.HiddenInput, min_value=1)
    useful = forms.TypedChoiceField(
        label="Cette page vous a-t-elle été utile ?",
        choices=[("oui", "Oui"), ("non", "Non")],
        coerce=lambda value: value == "oui",
        widget=forms.RadioSelect,
        error_messages={"required": "Répondez par oui ou par non."},
    )
    comment = forms.CharField(
        label="Un commentaire ? (facultatif)",
        help_text=f"Ce qui vous a manqué ou aidé. {COMMENT_MAX_LENGTH} caractères au plus ; ne laissez pas "
        "d'informations personnelles.",
        required=False,
        max_length=COMMENT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3, "maxlength": COMMENT_MAX_LENGTH}),
        error_messages={
            "max_length": f"Le commentaire ne doit pas dépasser {COMMENT_MAX_LENGTH} caractères "
            "(%(show_value)d saisis)."
        },
    )
