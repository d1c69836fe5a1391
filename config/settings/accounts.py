"""Settings for accounts: passwords, login by email (django-allauth), the State SSO (ProConnect) and
login-attempt limits (django-axes). Imported by base.py; every value comes from the environment."""

from datetime import timedelta

from .env import env_bool, env_int, env_list, env_str

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",  # first: refuses a locked-out attempt before any check
    "community.members.proconnect.StaffThroughProConnectOnlyBackend",  # FABRIQUE_STAFF_PROCONNECT_ONLY
    # /admin/ needs is_staff too (denies access_admin otherwise)
    "community.members.staff.StaffOnlyAdminBackend",
    "django.contrib.auth.backends.ModelBackend",  # Wagtail's /admin/login/ (username) for editors
    "allauth.account.auth_backends.AuthenticationBackend",  # the public site's login by email
]
LOGIN_URL = "/compte/connexion/"
LOGIN_REDIRECT_URL = "/"

# Accounts (django-allauth): login by email, mandatory email verification, French templates in
# templates/account/. The adapter refuses addresses outside FABRIQUE_ALLOWED_EMAIL_DOMAINS
# (subdomains accepted; "*" accepts every domain).
FABRIQUE_ALLOWED_EMAIL_DOMAINS = env_list(
    "FABRIQUE_ALLOWED_EMAIL_DOMAINS",
    ["gouv.fr", "beta.gouv.fr", "francetravail.fr", "ademe.fr", "inria.fr", "cnil.fr", "ofb.fr"],
)
# Every beta.gouv.fr member has an address made of their fiche's identifier: `prenom.nom@<domain>`.
# A verified address of that form links the account to its fiche (community/members/claims.py).
FABRIQUE_MEMBER_EMAIL_DOMAINS = env_list("FABRIQUE_MEMBER_EMAIL_DOMAINS", ["beta.gouv.fr"])
# Imported fiches own their fields (name, presentation, competences…): the site shows where to change
# them on GitHub. True makes the site the source of truth: members edit them here.
FABRIQUE_MEMBER_SITE_OWNS_FICHES = env_bool("FABRIQUE_MEMBER_SITE_OWNS_FICHES", False)
ACCOUNT_ADAPTER = "community.members.adapters.AccountAdapter"
SOCIALACCOUNT_ADAPTER = "community.members.adapters.SocialAccountAdapter"
ACCOUNT_FORMS = {
    "login": "community.members.forms.LoginForm",
    "signup": "community.members.forms.SignupForm",
}
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_LOGOUT_ON_GET = False
ACCOUNT_SESSION_REMEMBER = None
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Fabrique] "
ACCOUNT_SIGNUP_FORM_HONEYPOT_FIELD = "site_web"  # every public form's honeypot (core/forms.py)
ACCOUNT_PREVENT_ENUMERATION = True
# State SSO (OpenID Connect, e.g. ProConnect): off until its three variables are set.
OIDC_PROVIDER_ID = env_str("FABRIQUE_OIDC_PROVIDER_ID", "proconnect")
OIDC_SERVER_URL = env_str("FABRIQUE_OIDC_SERVER_URL")
OIDC_CLIENT_ID = env_str("FABRIQUE_OIDC_CLIENT_ID")
OIDC_CLIENT_SECRET = env_str("FABRIQUE_OIDC_CLIENT_SECRET")
FABRIQUE_OIDC_ENABLED = bool(OIDC_SERVER_URL and OIDC_CLIENT_ID and OIDC_CLIENT_SECRET)
SOCIALACCOUNT_ONLY = False
SOCIALACCOUNT_EMAIL_VERIFICATION = "none"  # the State identity provider has verified the address
# A ProConnect address already verified on an account logs into it and links it: no second account.
SOCIALACCOUNT_EMAIL_AUTHENTICATION = True
SOCIALACCOUNT_EMAIL_AUTHENTICATION_AUTO_CONNECT = True
FABRIQUE_STAFF_PROCONNECT_ONLY = env_bool("FABRIQUE_STAFF_PROCONNECT_ONLY", False)  # staff: no password
FABRIQUE_OIDC_ACR_VALUES = env_str("FABRIQUE_OIDC_ACR_VALUES", "eidas1")  # level of assurance asked
SOCIALACCOUNT_PROVIDERS = {
    "openid_connect": {
        "provider_class": "community.members.proconnect.ProConnectProvider",
        "OAUTH_PKCE_ENABLED": True,
        "APPS": (
            [
                {
                    "provider_id": OIDC_PROVIDER_ID,
                    "name": env_str("FABRIQUE_OIDC_NAME", "ProConnect"),
                    "client_id": OIDC_CLIENT_ID,
                    "secret": OIDC_CLIENT_SECRET,
                    "settings": {"server_url": OIDC_SERVER_URL, "token_auth_method": "client_secret_post"},
                }
            ]
            if FABRIQUE_OIDC_ENABLED
            else []
        ),
    }
}

# Login attempt limiting (django-axes) on every login form: the site's (by email) and /admin/login/.
# Locked per account *and* address: a typo-prone agent elsewhere is never locked out by an attacker;
# the per-account limits of our limiter and allauth's stay on top (see docs/securite.md).
AXES_FAILURE_LIMIT = env_int("FABRIQUE_AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("FABRIQUE_AXES_COOLOFF_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_USERNAME_CALLABLE = "community.members.login_limits.attempted_account"
AXES_CLIENT_IP_CALLABLE = "community.members.login_limits.client_ip"
AXES_LOCKOUT_CALLABLE = "community.members.login_limits.lockout_response"
