"""Page feedback: the form, the rates per page and the network-wide satisfaction figure."""

from django import forms
from django.db.models import Count, Q

from community.models import PageFeedback
from community.models.feedback import COMMENT_MAX_LENGTH

HONEYPOT_FIELD = "site_web"


class FeedbackForm(forms.Form):
    """Yes/no plus an optional comment; the page comes from a hidden id checked by the view."""

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
    site_web = forms.CharField(required=False, label="Ne pas remplir ce champ")


def rate(useful: int, total: int) -> int | None:
    return round(100 * useful / total) if total else None


def overall_satisfaction() -> dict:
    """Share of "oui" over every answer, for the key figures page: {useful, total, rate (%|None)}."""
    totals = PageFeedback.objects.aggregate(total=Count("pk"), useful=Count("pk", filter=Q(useful=True)))
    return {**totals, "rate": rate(totals["useful"], totals["total"])}


def pages_report():
    """One row per page that has feedback: answers, "oui", satisfaction rate, ordered by volume."""
    rows = (
        PageFeedback.objects.values("page_id", "page__title", "page__url_path")
        .annotate(total=Count("pk"), useful=Count("pk", filter=Q(useful=True)))
        .order_by("-total", "page__title")
    )
    return [{**row, "rate": rate(row["useful"], row["total"])} for row in rows]
