"""The forms of the discussions: a new thread, a reply, an edit, a report, a moderation decision,
notification choices. Posting forms share the contributions' honeypot and rate limit."""

from django import forms
from django.core.exceptions import ValidationError

from core.forms import PublicFormMixin
from core.uploads import ALLOWED_UPLOADS, max_upload_size, size_label, validate_upload

from .models import Frequency, ThreadKind

MAX_BODY_LENGTH = 20_000
MAX_ATTACHMENTS = 5


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class AttachmentsField(forms.FileField):
    """Up to five files, each checked by content like contributions' files (core/uploads.py)."""

    widget = MultipleFileInput

    def clean(self, data, initial=None):
        files = (
            [item for item in (data or []) if item]
            if isinstance(data, list | tuple)
            else [data]
            if data
            else []
        )
        if len(files) > MAX_ATTACHMENTS:
            raise ValidationError(f"Cinq pièces jointes au plus par message ({len(files)} envoyées).")
        for upload in files:
            validate_upload(upload)
        return files


def _attachments_field():
    return AttachmentsField(
        label="Pièces jointes",
        required=False,
        help_text=(
            f"Facultatif, {MAX_ATTACHMENTS} fichiers au plus, {size_label(max_upload_size())} chacun. "
            f"Formats acceptés : {', '.join(sorted(ALLOWED_UPLOADS))}."
        ),
    )


def _body_field():
    return forms.CharField(
        label="Message",
        max_length=MAX_BODY_LENGTH,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text="Markdown simple : **gras**, *italique*, listes, [liens](https://…), `code`. "
        "Mentionnez un membre avec @prenom.nom.",
        error_messages={"required": "Écrivez votre message."},
    )


class PostingForm(PublicFormMixin, forms.Form):
    rate_limit_scope = "discussions"  # the contributions' limiter (core/security/ratelimit.py)

    def clean_body(self):
        body = self.cleaned_data["body"].strip()
        if not body:
            raise ValidationError("Écrivez votre message.")
        return body


class ThreadForm(PostingForm):
    title = forms.CharField(
        label="Titre", max_length=200, error_messages={"required": "Donnez un titre à votre fil."}
    )
    kind = forms.ChoiceField(
        label="Type de fil", choices=ThreadKind.choices, initial=ThreadKind.QUESTION, widget=forms.RadioSelect
    )
    body = _body_field()
    attachments = _attachments_field()


class ReplyForm(PostingForm):
    body = _body_field()
    attachments = _attachments_field()


class EditForm(PostingForm):
    body = _body_field()


class ReportForm(forms.Form):
    reason = forms.CharField(
        label="Motif du signalement",
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Dites en quelques mots pourquoi ce message pose problème."},
    )


class ModerationForm(forms.Form):
    reason = forms.CharField(
        label="Motif (gardé dans l'historique)",
        max_length=500,
        error_messages={"required": "Indiquez le motif de votre décision : il est gardé dans l'historique."},
    )


class NotificationForm(forms.Form):
    frequency = forms.ChoiceField(
        label="Messages de ce groupe", choices=Frequency.choices, widget=forms.RadioSelect
    )
    mentions = forms.BooleanField(label="M'écrire quand on me mentionne", required=False)
    replies = forms.BooleanField(label="M'écrire quand on répond à mes fils", required=False)
