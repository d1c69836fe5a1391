"""Fabrique settings. Every deployment value comes from the environment (see README)."""

from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url

from .env import env_bool, env_int, env_list, env_str

BASE_DIR = Path(__file__).resolve().parent.parent.parent

# Off unless asked for: a host that forgets the variable never runs in debug mode. `make run`,
# `make test` and CI use config/settings/dev.py or test.py, which switch it on.
DEBUG = env_bool("DJANGO_DEBUG", False)

# A laptop gets a throwaway key; production must bring its own: core/security/secret_key.py refuses
# to serve a request without it (in French), while `settings.DEBUG` stays readable.
DEV_SECRET_KEY = "dev-only-insecure-key-never-use-in-production"  # noqa: S105
SECRET_KEY = env_str("DJANGO_SECRET_KEY") or (DEV_SECRET_KEY if DEBUG else "")
# DJANGO_DEBUG=0 written out declares a production host: then every manage.py command checks the
# key too. Left unset, commands that serve nothing (migrate, makemigrations, imports) run without it.
FABRIQUE_PRODUCTION_DECLARED = not DEBUG and env_str("DJANGO_DEBUG") != ""

ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"] if DEBUG else [])
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS", [])

# Our apps by layer, top first (README « Organisation du code »; `make lint` checks that imports
# only point down). They come before wagtail.admin: the library takes over Wagtail's workflow
# emails for members (resources/library/notifications.py).
INSTALLED_APPS = [
    "home",
    "resources.search",
    "community.onboarding",
    "resources.guides",
    "resources.library",
    "community.startups",
    "community.feedback",
    "community.members",
    "core.taxonomy",
    "core",
    "dsfr",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.typed_table_block",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    # Accounts: allauth for sign-up/login by email; socialaccount + OpenID Connect are installed so
    # that a State SSO (ProConnect) is switched on by environment variables alone (see README).
    "allauth",
    "allauth.account",
    "allauth.socialaccount",
    "allauth.socialaccount.providers.openid_connect",
    # Hardening (docs/securite.md): Content-Security-Policy and login attempt limiting.
    "csp",
    "axes",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "core.security.headers.SecurityHeadersMiddleware",  # CSP by path, Permissions-Policy
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Anonymous pages from the cache before sessions, routing and rendering (core/caching/middleware.py);
    # middleware listed below it run only on a miss, and their headers are stored with the page.
    "core.caching.middleware.AnonymousPageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "axes.middleware.AxesMiddleware",  # last: turns a locked-out login into the lockout page
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "home.context_processors.site_chrome",
            ],
        },
    },
]

# SQLite for a laptop; DATABASE_URL=postgres://… for CI and production.
DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "members.User"

REDIS_URL = env_str("REDIS_URL")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "fabrique",
            "OPTIONS": {"IGNORE_EXCEPTIONS": True},
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Anonymous pages and page fragments, invalidated by the content generation (core/caching/).
FABRIQUE_PAGE_CACHE = env_bool("FABRIQUE_PAGE_CACHE", True)
FABRIQUE_PAGE_CACHE_TIMEOUT = env_int("FABRIQUE_PAGE_CACHE_TIMEOUT", 600)
# Paths that are personal or carry forms: never served from (nor stored in) the anonymous page cache.
FABRIQUE_PAGE_CACHE_EXCLUDED_PREFIXES = (
    "/admin/",
    "/django-admin/",
    "/compte/",
    "/contribuer/",
    "/avis/",
    "/ameliorer/",
    "/membres/",
    "/documents/",
    "/parcours/mes-parcours/",
)

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
# Our own limiter (core/security/ratelimit.py, 10 actions a minute per address and per account) guards
# sign-up, login and feedback; allauth's limits stay on top for failed logins and reset emails.
FABRIQUE_RATE_LIMIT = env_int("FABRIQUE_RATE_LIMIT", 10)
FABRIQUE_RATE_LIMIT_PERIOD = env_int("FABRIQUE_RATE_LIMIT_PERIOD", 60)
# Trust X-Forwarded-For only behind a proxy that sets it (otherwise anyone could forge it).
FABRIQUE_TRUST_X_FORWARDED_FOR = env_bool("FABRIQUE_TRUST_X_FORWARDED_FOR", False)

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

LANGUAGE_CODE = "fr"
LANGUAGES = [("fr", "Français")]
TIME_ZONE = "Europe/Paris"
USE_I18N = True
USE_TZ = True
LOCALE_PATHS = [BASE_DIR / "locale"]
WAGTAIL_I18N_ENABLED = False
WAGTAILADMIN_PERMITTED_LANGUAGES = [("fr", "Français")]
WAGTAIL_CONTENT_LANGUAGES = [("fr", "Français")]
WAGTAIL_DATE_FORMAT = "%d/%m/%Y"
WAGTAIL_DATETIME_FORMAT = "%d/%m/%Y %H:%M"

STATIC_URL = "/static/"
STATIC_ROOT = Path(env_str("DJANGO_STATIC_ROOT", str(BASE_DIR / "staticfiles")))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env_str("DJANGO_MEDIA_ROOT", str(BASE_DIR / "media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    # Compressed files with hashed names; whitenoise serves them with far-future caching.
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

EMAIL_BACKEND = env_str("DJANGO_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = env_str("DJANGO_EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("DJANGO_EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("DJANGO_EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env_str("DJANGO_EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = env_bool("DJANGO_EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = env_str("DJANGO_DEFAULT_FROM_EMAIL", "Fabrique <ne-pas-repondre@fabrique.localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# Workflow notifications (task to review, page approved or sent back) leave from the same address.
WAGTAILADMIN_NOTIFICATION_FROM_EMAIL = DEFAULT_FROM_EMAIL
WAGTAILADMIN_NOTIFICATION_USE_HTML = True
WAGTAILADMIN_NOTIFICATION_INCLUDE_SUPERUSERS = False

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Wagtail
WAGTAIL_SITE_NAME = "Fabrique"
WAGTAILADMIN_BASE_URL = env_str("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILSEARCH_BACKENDS = {
    "default": {
        "BACKEND": "wagtail.search.backends.database",
        "SEARCH_CONFIG": "french",
    }
}
WAGTAILDOCS_EXTENSIONS = [
    "csv",
    "docx",
    "odt",
    "ods",
    "odp",
    "pdf",
    "pptx",
    "rtf",
    "txt",
    "xlsx",
    "zip",
    "md",
]
WAGTAILDOCS_MAX_UPLOAD_SIZE = env_int("FABRIQUE_MAX_UPLOAD_MB", 20) * 1024 * 1024
WAGTAILIMAGES_MAX_UPLOAD_SIZE = WAGTAILDOCS_MAX_UPLOAD_SIZE
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_MODERATION_ENABLED = True
WAGTAIL_WORKFLOW_ENABLED = True
WAGTAILADMIN_COMMENTS_ENABLED = True
WAGTAILEMBEDS_RESPONSIVE_HTML = True
WAGTAIL_ALLOW_UNICODE_SLUGS = False
TAGGIT_CASE_INSENSITIVE = True

X_FRAME_OPTIONS = "DENY"  # Wagtail's preview views override this to SAMEORIGIN themselves.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SESSION_COOKIE_HTTPONLY = True

# --- Hardening (docs/securite.md) ---------------------------------------------------------------
# Content-Security-Policy. Public pages: our own scripts and styles only, no inline code; video
# players of the guides' embed block; images from us (and data: icons of the DSFR's CSS). The
# Wagtail admin (and Django's) run inline scripts and styles: they get FABRIQUE_CSP_ADMIN
# (core/security/headers.py picks it by path). FABRIQUE_CSP_REPORT_ONLY=1 only reports violations.
_CSP_SELF, _CSP_NONE = "'self'", "'none'"


def _origin(url: str) -> str:
    return "{0.scheme}://{0.netloc}".format(urlsplit(url))


_CSP_VIDEO_PLAYERS = [
    "https://www.youtube-nocookie.com",
    "https://www.youtube.com",
    "https://player.vimeo.com",
]
FABRIQUE_CSP_PUBLIC = {
    "default-src": [_CSP_SELF],
    "script-src": [_CSP_SELF],
    "style-src": [_CSP_SELF],
    "img-src": [_CSP_SELF, "data:", *env_list("FABRIQUE_CSP_IMG_HOSTS", [])],
    "font-src": [_CSP_SELF],
    "connect-src": [_CSP_SELF],
    "frame-src": _CSP_VIDEO_PLAYERS,
    "object-src": [_CSP_NONE],
    "base-uri": [_CSP_SELF],
    # The SSO button posts to us, then the browser is redirected to the identity provider.
    "form-action": [_CSP_SELF, *([_origin(OIDC_SERVER_URL)] if FABRIQUE_OIDC_ENABLED else [])],
    "frame-ancestors": [_CSP_NONE],
    "report-uri": env_str("FABRIQUE_CSP_REPORT_URI") or None,
}
FABRIQUE_CSP_ADMIN = {
    **FABRIQUE_CSP_PUBLIC,
    "script-src": [_CSP_SELF, "'unsafe-inline'"],
    "style-src": [_CSP_SELF, "'unsafe-inline'"],
    "img-src": [_CSP_SELF, "data:", "blob:", *env_list("FABRIQUE_CSP_IMG_HOSTS", [])],
    "frame-src": [_CSP_SELF, *_CSP_VIDEO_PLAYERS],  # the live preview panel
    "frame-ancestors": [_CSP_SELF],  # the preview is framed by the editor
}
FABRIQUE_CSP_ADMIN_PREFIXES = ("/admin/", "/django-admin/")
if env_bool("FABRIQUE_CSP_REPORT_ONLY", False):
    CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY_REPORT_ONLY = None, {"DIRECTIVES": FABRIQUE_CSP_PUBLIC}
else:
    CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY_REPORT_ONLY = {"DIRECTIVES": FABRIQUE_CSP_PUBLIC}, None
# Browser features no page of ours uses (core/security/headers.py sends it on every response).
FABRIQUE_PERMISSIONS_POLICY = (
    "accelerometer=(), browsing-topics=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), "
    "microphone=(), payment=(), usb=()"
)
WAGTAIL_GRAVATAR_PROVIDER_URL = None  # editors' email hashes are not sent to a third party

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

if not DEBUG:
    # Behind a TLS-terminating proxy, set DJANGO_SECURE_PROXY_SSL_HEADER=1 so redirects and
    # secure cookies see the original scheme.
    if env_bool("DJANGO_SECURE_PROXY_SSL_HEADER", False):
        SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", True)
    SECURE_HSTS_SECONDS = env_int("DJANGO_SECURE_HSTS_SECONDS", 31_536_000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("DJANGO_SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
    SECURE_HSTS_PRELOAD = env_bool("DJANGO_SECURE_HSTS_PRELOAD", True)
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("DJANGO_LOG_LEVEL", "WARNING")},
}
