"""allauth adapters: who may sign up (allowed email domains) and what a verified account becomes.

Both the email sign-up and a later State SSO (OpenID Connect) end in `members.activate_member`,
so an account is a member the same way whichever door it came through.
"""

from django import forms
from django.conf import settings

from allauth.account.adapter import DefaultAccountAdapter
from allauth.socialaccount.adapter import DefaultSocialAccountAdapter

from core.security.clients import client_ip
from core.security.ratelimit import RATE_LIMIT_MESSAGE

from .claims import link_verified_addresses
from .membership import activate_member
from .proconnect import end_session_url


def allowed_domains() -> list[str]:
    return [domain.strip().lower().lstrip("@.") for domain in settings.FABRIQUE_ALLOWED_EMAIL_DOMAINS]


def is_allowed_email(email: str) -> bool:
    """True when the address's domain is an allowed domain or one of its subdomains ("*": any)."""
    domains = allowed_domains()
    if "*" in domains:
        return True
    domain = email.rpartition("@")[2].strip().lower()
    return any(domain == allowed or domain.endswith("." + allowed) for allowed in domains)


def refused_email_message() -> str:
    listed = ", ".join(allowed_domains())
    return (
        "Cette adresse ne fait pas partie des domaines acceptés. L'inscription est réservée aux "
        f"adresses professionnelles du secteur public ({listed}, et leurs sous-domaines)."
    )


class AccountAdapter(DefaultAccountAdapter):
    """Restricts sign-up to public-sector domains and turns a verified address into a member."""

    # allauth's login limits (ACCOUNT_RATE_LIMITS) speak like the rest of the site's limits.
    error_messages = {**DefaultAccountAdapter.error_messages, "too_many_login_attempts": RATE_LIMIT_MESSAGE}

    def get_client_ip(self, request):
        """The address allauth counts: the same as our limiter's and django-axes' (never raises)."""
        return client_ip(request)

    def clean_email(self, email):
        email = super().clean_email(email)
        if not is_allowed_email(email):
            raise forms.ValidationError(refused_email_message(), code="domain_not_allowed")
        return email

    def confirm_email(self, request, email_address):
        # allauth's `email_confirmed` signal, sent inside, links a matching fiche first
        # (community/members/claims.py): activate_member then finds it instead of making a profile.
        confirmed = super().confirm_email(request, email_address)
        if confirmed:
            activate_member(email_address.user)
        return confirmed

    def get_logout_redirect_url(self, request):
        # Read before the session is flushed: someone who came through ProConnect is logged out there too.
        after_logout = super().get_logout_redirect_url(request)
        return end_session_url(request, after_logout) or after_logout


class SocialAccountAdapter(DefaultSocialAccountAdapter):
    """For the State SSO: the identity provider vouches for the address, the domain rule still applies."""

    def is_open_for_signup(self, request, sociallogin):
        email = sociallogin.user.email or ""
        return bool(email) and is_allowed_email(email)

    def save_user(self, request, sociallogin, form=None):
        user = super().save_user(request, sociallogin, form)
        # An address the provider marks verified names the person's fiche: no second profile.
        link_verified_addresses(user, request)
        activate_member(user)
        return user
