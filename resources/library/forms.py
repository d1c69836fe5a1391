"""The contribution form: a member proposes (or corrects) a resource for the library."""

from django import forms

from core.forms import PublicFormMixin
from core.taxonomy.models import Phase, Role, Thematique
from core.uploads import ALLOWED_UPLOADS, max_upload_size, size_label, validate_upload

from .models.resources import MISSING_ACCESS_MESSAGE, ResourceKind


class ContributionForm(PublicFormMixin, forms.Form):
    """What a member proposes. No member or page id travels in it: the view decides whose it is."""

    rate_limit_scope = "contribution"

    title = forms.CharField(label="Titre de la ressource", max_length=255)
    intro = forms.CharField(
        label="Résumé",
        max_length=600,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="En deux ou trois phrases : à quoi sert cette ressource, pour qui.",
    )
    kind = forms.ModelChoiceField(
        label="Type de ressource", queryset=ResourceKind.objects.all(), empty_label="Choisir un type"
    )
    phases = forms.ModelMultipleChoiceField(
        label="Phases", queryset=Phase.objects.all(), required=False, widget=forms.CheckboxSelectMultiple
    )
    roles = forms.ModelMultipleChoiceField(
        label="Rôles concernés",
        queryset=Role.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    thematiques = forms.ModelMultipleChoiceField(
        label="Thématiques",
        queryset=Thematique.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    file = forms.FileField(label="Fichier", required=False)
    external_url = forms.URLField(
        label="Ou un lien",
        max_length=500,
        required=False,
        assume_scheme="https",
        help_text="Format attendu : https://exemple.gouv.fr/page",
    )

    def __init__(self, *args, has_document=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.has_document = has_document
        self.fields["file"].help_text = (
            f"Taille maximale : {size_label(max_upload_size())}. "
            f"Formats acceptés : {', '.join(sorted(ALLOWED_UPLOADS))}."
        )
        if has_document:
            self.fields["file"].help_text += " Laissez vide pour garder le fichier actuel."

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if upload:
            validate_upload(upload)
        return upload

    def clean(self):
        cleaned = super().clean()
        if self.errors.get("file"):
            return cleaned
        if not cleaned.get("file") and not cleaned.get("external_url") and not self.has_document:
            self.add_error("file", MISSING_ACCESS_MESSAGE)
            self.add_error("external_url", MISSING_ACCESS_MESSAGE)
        return cleaned
