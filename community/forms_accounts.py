"""allauth's login and sign-up forms, with our rate limit, honeypot and French labels."""

from django import forms

from allauth.account import forms as allauth_forms
from allauth.core import context

from community import ratelimit

HONEYPOT_FIELD = "site_web"


class RateLimitedFormMixin:
    """Counts each submission (per address, account and typed email); refuses past the limit."""

    rate_limit_scope = ""

    def check_rate_limit(self, identifier: str) -> bool:
        request = getattr(self, "request", None) or context.request
        if request is None or ratelimit.allow(request, self.rate_limit_scope, identifier):
            return True
        self.add_error(None, ratelimit.RATE_LIMIT_MESSAGE)
        return False


class LoginForm(RateLimitedFormMixin, allauth_forms.LoginForm):
    """Login by email; a filled honeypot or the 11th attempt in a minute is refused."""

    rate_limit_scope = "login"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["login"].label = "Adresse électronique"
        self.fields["login"].help_text = "Format attendu : prenom.nom@domaine.gouv.fr"
        self.fields["login"].widget.attrs.pop("placeholder", None)
        self.fields["password"].label = "Mot de passe"
        self.fields["password"].widget.attrs.pop("placeholder", None)
        if "remember" in self.fields:
            self.fields["remember"].label = "Se souvenir de moi"
        self.fields[HONEYPOT_FIELD] = forms.CharField(required=False, label="Ne pas remplir ce champ")

    def clean(self):
        if self.data.get(HONEYPOT_FIELD):
            raise forms.ValidationError("Connexion refusée.", code="honeypot")
        if not self.check_rate_limit(self.data.get("login", "")):
            return self.cleaned_data
        return super().clean()


class SignupForm(RateLimitedFormMixin, allauth_forms.SignupForm):
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
        self.fields[HONEYPOT_FIELD].label = "Ne pas remplir ce champ"

    def clean(self):
        self.check_rate_limit(self.data.get("email", ""))
        return super().clean()
