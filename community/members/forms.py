"""The account forms: allauth's login and sign-up (rate limit, honeypot, French labels) and the profile."""

from django import forms
from django.conf import settings
from django.utils import timezone

from allauth.account import forms as allauth_forms

from core.forms import PublicFormMixin
from core.taxonomy.models import Role

from .models import MISSION_STATUSES, EmailPreferences, Member, Mission
from .proconnect import STAFF_LOGIN_HINT

MAX_COMPETENCES = 15
MAX_COMPETENCE_LENGTH = 60


class LoginForm(PublicFormMixin, allauth_forms.LoginForm):
    """Login by email; a filled honeypot is refused.

    Attempts are limited by allauth (`ACCOUNT_RATE_LIMITS["login_failed"]`: wrong passwords per
    address across accounts and per account across addresses), counted in the "ratelimit" cache;
    past the limit the form says so in French (community/members/adapters.py).
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["login"].label = "Adresse électronique"
        self.fields["login"].help_text = "Format attendu : prenom.nom@domaine.gouv.fr"
        self.fields["login"].widget.attrs.pop("placeholder", None)
        self.fields["password"].label = "Mot de passe"
        self.fields["password"].widget.attrs.pop("placeholder", None)
        if "remember" in self.fields:
            self.fields["remember"].label = "Se souvenir de moi"

    def clean(self):
        if self.is_bot():
            raise forms.ValidationError("Connexion refusée.", code="honeypot")
        try:
            return super().clean()
        except forms.ValidationError as error:
            if settings.FABRIQUE_STAFF_PROCONNECT_ONLY:  # shown on every failure: says nothing of the account
                raise forms.ValidationError(
                    [*error.error_list, forms.ValidationError(STAFF_LOGIN_HINT)]
                ) from error
            raise


class SignupForm(PublicFormMixin, allauth_forms.SignupForm):
    """Sign-up with first and last names (they name the member's profile)."""

    rate_limit_scope = "signup"

    first_name = forms.CharField(label="Prénom", max_length=150)
    last_name = forms.CharField(label="Nom", max_length=150)
    field_order = ["first_name", "last_name", "email", "password1", "password2"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["email"].label = "Adresse électronique professionnelle"
        self.fields["email"].help_text = "Format attendu : prenom.nom@domaine.gouv.fr"
        self.fields["password1"].label = "Mot de passe"
        self.fields["password1"].help_text = (
            "8 caractères au minimum (une phrase de passe est plus sûre) ; ni trop courant, ni "
            "uniquement des chiffres, ni trop proche de votre nom ou de votre adresse."
        )
        self.fields["password2"].label = "Confirmation du mot de passe"
        for field in self.fields.values():
            field.widget.attrs.pop("placeholder", None)

    def rate_limit_identifier(self) -> str:
        return self.data.get("email", "")

    def clean(self):
        # allauth's own honeypot check (ACCOUNT_SIGNUP_FORM_HONEYPOT_FIELD) answers bots like people.
        self.within_rate_limit()
        return super().clean()


class ProfileForm(forms.ModelForm):
    """The owner's profile; it has no id field: the view always edits the requester's own profile."""

    competences = forms.CharField(
        label="Compétences",
        required=False,
        max_length=1000,
        help_text=f"Séparées par des virgules, {MAX_COMPETENCES} au plus (ex. : design, droit public, "
        "accessibilité).",
    )
    roles = forms.ModelMultipleChoiceField(
        label="Rôles",
        queryset=Role.objects.order_by("order", "name"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = Member
        fields = ["full_name", "roles", "competences", "bio", "mentoring"]
        labels = {"full_name": "Nom complet", "bio": "Présentation courte"}
        help_texts = {
            "bio": "Quelques phrases : votre parcours, ce sur quoi vous pouvez aider (1 000 caractères "
            "au plus).",
            "mentoring": "Cochez si vous acceptez d'être contacté·e pour accompagner un nouvel arrivant.",
        }
        widgets = {"bio": forms.Textarea(attrs={"rows": 5, "maxlength": 1000})}
        # Startups et incubateur : champs ajoutés ici avec les modèles startups/incubateurs.

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk and not self.is_bound:
            self.initial["competences"] = ", ".join(self.instance.competences or [])
        self.fields["full_name"].max_length = 200
        if self.imported_fields_locked:
            # The fiche owns these fields: the next import would overwrite an edit made here.
            for name in self.locked_fields:
                self.fields[name].disabled = True
                self.fields[name].help_text = (
                    "Ce champ vient de votre fiche beta.gouv.fr : modifiez-la sur GitHub "
                    f"({self.instance.source})."
                )

    @property
    def imported_fields_locked(self) -> bool:
        return self.instance.is_imported and not settings.FABRIQUE_MEMBER_SITE_OWNS_FICHES

    @property
    def locked_fields(self) -> list[str]:
        return [name for name in self.fields if name in Member.IMPORTED_FIELDS]

    def clean_bio(self):
        bio = (self.cleaned_data["bio"] or "").strip()
        if len(bio) > 1000:
            raise forms.ValidationError("La présentation ne doit pas dépasser 1 000 caractères.")
        return bio

    def clean_competences(self):
        value = self.cleaned_data["competences"]
        if isinstance(value, list):  # a locked field keeps the fiche's list
            return value
        items = [item.strip() for item in value.split(",") if item.strip()]
        items = list(dict.fromkeys(items))
        if len(items) > MAX_COMPETENCES:
            raise forms.ValidationError(f"Indiquez {MAX_COMPETENCES} compétences au plus.")
        too_long = [item for item in items if len(item) > MAX_COMPETENCE_LENGTH]
        if too_long:
            raise forms.ValidationError(
                f"Chaque compétence doit tenir en {MAX_COMPETENCE_LENGTH} caractères au plus."
            )
        return items

    def save(self, commit=True):
        member = super().save(commit=False)
        member.competences = self.cleaned_data["competences"]
        if commit:
            member.save()
            member.roles.set(self.cleaned_data["roles"])
            member.save()  # ParentalManyToMany: the relation is written on save
        return member


class ClaimForm(forms.Form):
    """« Êtes-vous … ? »: the fiche is chosen from the search results, the message helps the coach."""

    fiche = forms.ModelChoiceField(
        queryset=Member.objects.none(),
        widget=forms.HiddenInput,
        error_messages={"invalid_choice": "Cette fiche n'existe pas ou est déjà reliée à un compte."},
    )
    message = forms.CharField(
        label="Message pour la personne qui valide (facultatif)",
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3, "maxlength": 1000}),
        help_text="Ce qui permet de vous reconnaître : startup, période, ancienne adresse…",
    )

    def __init__(self, *args, fiches, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["fiche"].queryset = fiches


def startup_choices():
    """Live startups, by title; the model comes through the mission's relation (a layer above)."""
    return Mission._meta.get_field("startup").related_model.objects.live().order_by("title")


class MissionForm(forms.ModelForm):
    """A mission the member declares: it waits for the startup's coach before it shows."""

    class Meta:
        model = Mission
        fields = ["startup", "role", "status", "employer", "start", "end"]
        labels = {"status": "Statut", "employer": "Employeur"}
        help_texts = {
            "employer": "La structure qui vous emploie ou vous missionne (ex. : DINUM, Octo…).",
            "end": "Laissez vide pour une mission en cours.",
        }
        widgets = {
            "start": forms.DateInput(attrs={"type": "date"}),
            "end": forms.DateInput(attrs={"type": "date"}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["startup"].queryset = startup_choices()
        self.fields["startup"].required = True
        self.fields["startup"].empty_label = "Choisissez une startup"
        self.fields["startup"].error_messages["required"] = "Choisissez la startup de la mission."
        self.fields["role"].queryset = Role.objects.order_by("order", "name")
        self.fields["role"].empty_label = "Choisissez un rôle"
        self.fields["status"].choices = [("", "Choisissez un statut"), *MISSION_STATUSES]
        self.fields["start"].required = True
        self.fields["start"].error_messages["required"] = "Indiquez la date de début de la mission."
        for name in ("start", "end"):
            self.fields[name].error_messages["invalid"] = "Date invalide : utilisez le format JJ/MM/AAAA."
            self.fields[name].input_formats = ["%Y-%m-%d", "%d/%m/%Y"]

    def clean(self):
        cleaned = super().clean()
        start = cleaned.get("start")
        today = timezone.localdate()
        if start and (start - today).days > 366:
            self.add_error("start", "La date de début ne peut pas dépasser d'un an la date du jour.")
        # An end before the start is refused by Mission.clean(), for this form and the admin alike.
        return cleaned


class EndMissionForm(forms.Form):
    """Ending a mission: its last day, not before its first."""

    end = forms.DateField(
        label="Date de fin",
        input_formats=["%Y-%m-%d", "%d/%m/%Y"],
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={
            "required": "Indiquez la date de fin de la mission.",
            "invalid": "Date invalide : utilisez le format JJ/MM/AAAA.",
        },
    )

    def __init__(self, *args, mission, **kwargs):
        super().__init__(*args, **kwargs)
        self.mission = mission

    def clean_end(self):
        end = self.cleaned_data["end"]
        if self.mission.start and end < self.mission.start:
            raise forms.ValidationError("La date de fin doit être postérieure ou égale à la date de début.")
        return end


class EmailPreferencesForm(forms.ModelForm):
    """« Mes courriels » on the account page; the staff digest is offered to coaches and moderators only."""

    class Meta:
        model = EmailPreferences
        fields = ["staff_digest", "member_digest", "onboarding_reminders"]

    def __init__(self, *args, is_staff_member: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if not is_staff_member:
            del self.fields["staff_digest"]
