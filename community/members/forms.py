"""The account forms: allauth's login and sign-up (rate limit, honeypot, French labels) and the profile."""

from django import forms

from allauth.account import forms as allauth_forms

from core.forms import PublicFormMixin
from core.taxonomy.models import Role

from .models import Member

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
        return super().clean()


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

    def clean_bio(self):
        bio = self.cleaned_data["bio"].strip()
        if len(bio) > 1000:
            raise forms.ValidationError("La présentation ne doit pas dépasser 1 000 caractères.")
        return bio

    def clean_competences(self):
        items = [item.strip() for item in self.cleaned_data["competences"].split(",") if item.strip()]
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
