"""Forms of « Grandir »: my mentoring statements, a contact request, a mission offer."""

from django import forms

from core.forms import PublicFormMixin
from core.taxonomy.models import Phase, Role, Thematique

from .models import MESSAGE_MAX_LENGTH, VISIBILITIES, MentoringProfile, MentoringRequest, MissionOffer

MAX_SKILLS, MAX_SKILL_LENGTH = 20, 80
DATE_FORMATS = ["%Y-%m-%d", "%d/%m/%Y"]


def skills_field(label, help_text):
    return forms.CharField(label=label, required=False, max_length=1000, help_text=help_text)


def split_skills(value: str) -> list[str]:
    items = list(dict.fromkeys(item.strip() for item in value.split(",") if item.strip()))
    if len(items) > MAX_SKILLS:
        raise forms.ValidationError(f"Indiquez {MAX_SKILLS} sujets au plus.")
    if any(len(item) > MAX_SKILL_LENGTH for item in items):
        raise forms.ValidationError(f"Chaque sujet doit tenir en {MAX_SKILL_LENGTH} caractères au plus.")
    return items


def checkboxes(label, queryset):
    return forms.ModelMultipleChoiceField(
        label=label, queryset=queryset, required=False, widget=forms.CheckboxSelectMultiple
    )


class MentoringProfileForm(forms.ModelForm):
    """« Je peux aider sur… », « je cherche un·e mentor pour… », mobility: each with its visibility."""

    help_skills = skills_field(
        "Je peux aider sur…", "Séparés par des virgules (ex. : recrutement, comité d'investissement, design)."
    )
    help_thematiques = checkboxes(
        "Thématiques sur lesquelles je peux aider", Thematique.objects.order_by("order", "name")
    )
    seeking_skills = skills_field(
        "Je cherche un·e mentor pour…", "Séparés par des virgules (ex. : préparer un comité, recruter)."
    )
    seeking_thematiques = checkboxes(
        "Thématiques de ma recherche", Thematique.objects.order_by("order", "name")
    )
    seeking_phases = checkboxes("Phases que je prépare", Phase.objects.active().order_by("order", "name"))

    class Meta:
        model = MentoringProfile
        fields = [
            "help_skills",
            "help_thematiques",
            "help_visibility",
            "seeking_skills",
            "seeking_thematiques",
            "seeking_phases",
            "seeking_note",
            "seeking_visibility",
            "mobility_open",
            "mobility_role",
            "mobility_from",
            "mobility_visibility",
        ]
        labels = {
            "help_visibility": "Qui voit « je peux aider » ?",
            "seeking_note": "Précisions (facultatif)",
            "seeking_visibility": "Qui voit « je cherche » ?",
            "mobility_open": "Je suis ouvert·e à une mobilité",
            "mobility_role": "Rôle souhaité",
            "mobility_from": "À partir du",
            "mobility_visibility": "Qui voit ma mobilité ?",
        }
        help_texts = {
            "help_visibility": "« Visible de personne » : vous n'êtes pas suggéré·e comme mentor.",
            "mobility_from": "Format JJ/MM/AAAA.",
        }
        widgets = {
            "help_visibility": forms.RadioSelect,
            "seeking_visibility": forms.RadioSelect,
            "mobility_visibility": forms.RadioSelect,
            "seeking_note": forms.Textarea(attrs={"rows": 3, "maxlength": MESSAGE_MAX_LENGTH}),
            "mobility_from": forms.DateInput(attrs={"type": "date"}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("help_skills", "seeking_skills"):
            if not self.is_bound:
                self.initial[name] = ", ".join(getattr(self.instance, name) or [])
        for name in ("help_visibility", "seeking_visibility", "mobility_visibility"):
            self.fields[name].choices = VISIBILITIES
        self.fields["mobility_role"].queryset = Role.objects.order_by("order", "name")
        self.fields["mobility_role"].empty_label = "Choisissez un rôle"
        self.fields["mobility_from"].input_formats = DATE_FORMATS
        self.fields["mobility_from"].error_messages["invalid"] = (
            "Date invalide : utilisez le format JJ/MM/AAAA."
        )

    def clean_help_skills(self):
        return split_skills(self.cleaned_data["help_skills"])

    def clean_seeking_skills(self):
        return split_skills(self.cleaned_data["seeking_skills"])

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("mobility_open") and not cleaned.get("mobility_role"):
            self.add_error("mobility_role", "Indiquez le rôle que vous souhaitez pour votre mobilité.")
        return cleaned


class MentoringRequestForm(PublicFormMixin, forms.ModelForm):
    """The message of a contact request; counted by the contributions' rate limiter."""

    rate_limit_scope = "mentorat"

    class Meta:
        model = MentoringRequest
        fields = ["message"]
        labels = {"message": "Votre message"}
        help_texts = {
            "message": "Présentez-vous et dites ce que vous cherchez "
            f"({MESSAGE_MAX_LENGTH} caractères au plus). "
            "Votre adresse n'est communiquée que si la personne accepte."
        }
        widgets = {"message": forms.Textarea(attrs={"rows": 5, "maxlength": MESSAGE_MAX_LENGTH})}
        error_messages = {
            "message": {
                "required": "Écrivez un message pour présenter votre demande.",
                "max_length": f"Le message ne doit pas dépasser {MESSAGE_MAX_LENGTH} caractères.",
            }
        }


class MissionOfferForm(forms.ModelForm):
    """An offer of one of the member's own startups (the choice lists only those)."""

    class Meta:
        model = MissionOffer
        fields = ["startup", "title", "role", "description", "starts_on", "status"]
        labels = {"starts_on": "À partir du"}
        help_texts = {"status": "Une offre en brouillon ou pourvue n'est pas listée aux membres."}
        widgets = {
            "description": forms.Textarea(attrs={"rows": 8, "maxlength": 4000}),
            "starts_on": forms.DateInput(attrs={"type": "date"}),
        }
        error_messages = {
            "title": {"required": "Donnez un intitulé à l'offre."},
            "description": {"required": "Décrivez la mission."},
            "startup": {
                "required": "Choisissez la startup qui recrute.",
                "invalid_choice": "Vous ne pouvez publier que pour une startup dont vous faites partie.",
            },
        }

    def __init__(self, *args, startups, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["startup"].queryset = startups
        self.fields["startup"].empty_label = "Choisissez une startup"
        self.fields["role"].queryset = Role.objects.order_by("order", "name")
        self.fields["role"].required = True
        self.fields["role"].empty_label = "Choisissez un rôle"
        self.fields["role"].error_messages["required"] = "Choisissez le rôle recherché."
        self.fields["starts_on"].input_formats = DATE_FORMATS
        self.fields["starts_on"].error_messages["invalid"] = "Date invalide : utilisez le format JJ/MM/AAAA."
