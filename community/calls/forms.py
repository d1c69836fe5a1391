"""The application form: saved as a draft at any point, checked in full only when sent."""

from django import forms
from django.core.files.uploadedfile import UploadedFile

from core.forms import PublicFormMixin
from core.uploads import ALLOWED_UPLOADS, max_upload_size, size_label, validate_upload

from .models import Application

# Fields an application cannot be sent without (a draft may leave any of them empty).
REQUIRED_TO_SEND = ("project_title", "administration", "problem", "motivation")
MISSING = "Ce champ est à remplir pour envoyer la candidature (un brouillon peut rester incomplet)."


class ApplicationForm(PublicFormMixin, forms.ModelForm):
    """What an agent tells the incubator. No call, account or status travels in it: the view sets them."""

    rate_limit_scope = "call_application"
    # Browsers must let a half-filled draft through: the server says what is missing, in French.
    use_required_attribute = False

    class Meta:
        model = Application
        fields = ["project_title", "administration", "problem", "motivation", "attachment"]
        labels = {
            "project_title": "Intitulé de votre projet",
            "administration": "Votre administration",
            "problem": "Le problème que vous voulez résoudre",
            "motivation": "Pourquoi vous, pourquoi maintenant",
            "attachment": "Pièce jointe (facultative)",
        }
        widgets = {
            "problem": forms.Textarea(attrs={"rows": 6}),
            "motivation": forms.Textarea(attrs={"rows": 4}),
            "attachment": forms.FileInput,
        }

    def __init__(self, *args, sending=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.sending = sending
        for name in REQUIRED_TO_SEND:
            self.fields[name].required = sending
            self.fields[name].error_messages["required"] = MISSING
        self.fields["attachment"].help_text = (
            f"Une présentation, une note… Taille maximale : {size_label(max_upload_size())}. "
            f"Formats acceptés : {', '.join(sorted(ALLOWED_UPLOADS))}."
        )

    def clean_attachment(self):
        upload = self.cleaned_data.get("attachment")
        # Only a new upload is checked: a file kept from the draft was checked when it came in.
        if isinstance(upload, UploadedFile):
            validate_upload(upload)
        return upload
