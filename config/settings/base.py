"""Fabrique settings. Every deployment value comes from the environment (see README)."""

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
    "community.mentoring",
    "community.health",
    "community.help",
    "resources.guides",
    "resources.library",
    "community.startups",
    "community.feedback",
    "community.groups",
    "community.discussions",
    "community.calls",
    "community.blockers",
    "community.members",
    "core.taxonomy",
    "core",
    "dsfr",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.routable_page",
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
    "wagtail.api.v2",
    "rest_framework",
    "django.contrib.sitemaps",
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
    "django_tasks",  # background work (emails, indexes, renditions), Wagtail's mechanism; queue in the DB
    "django_tasks_db",
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
    # Reads of public GETs to the read replica, if any; the user above is read from the primary.
    "core.replica.ReplicaReadsMiddleware",
    # The request's Wagtail site from memory rather than one query per request (core/sites.py).
    "core.sites.SiteLookupMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "axes.middleware.AxesMiddleware",  # turns a locked-out login into the lockout page
    # Last, so its process_exception runs first: an unreachable database gives the French 503 page.
    "core.outages.DatabaseOutageMiddleware",
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
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # An unreachable server gives the 503 page within seconds (core/outages.py), not after the system's
    # TCP timeout of minutes.
    DATABASES["default"].setdefault("OPTIONS", {})["connect_timeout"] = env_int("DATABASE_CONNECT_TIMEOUT", 5)
# Optional read replica (PostgreSQL standby) for public reads that may lag: core/replica.py.
if env_str("DATABASE_REPLICA_URL"):
    DATABASES["replica"] = dj_database_url.parse(env_str("DATABASE_REPLICA_URL"), conn_health_checks=True)
DATABASE_ROUTERS = ["core.replica.ReplicaRouter"]
FABRIQUE_REPLICA_PIN_SECONDS = env_int("FABRIQUE_REPLICA_PIN_SECONDS", 10)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "members.User"

# Caches (pages, rate-limit counters), rate limits, client address behind proxies, error reports.
from .operations import *  # noqa: E402,F403

# Anonymous pages and page fragments, invalidated by the content generation (core/caching/).
FABRIQUE_PAGE_CACHE = env_bool("FABRIQUE_PAGE_CACHE", True)
FABRIQUE_PAGE_CACHE_TIMEOUT = env_int("FABRIQUE_PAGE_CACHE_TIMEOUT", 600)
# Paths that are personal or carry forms: never served from (nor stored in) the anonymous page cache.
FABRIQUE_PAGE_CACHE_EXCLUDED_PREFIXES = (
    "/sante/",  # the load balancer's health check must always be answered live
    "/admin/",
    "/django-admin/",
    "/compte/",
    "/contribuer/",
    "/avis/",
    "/ameliorer/",
    "/membres/",
    "/documents/",
    "/parcours/mes-parcours/",
    "/groupes/invitation/",  # an invitation link carries its token
    "/groupes/nouveau/",
    "/discussions/",  # unsubscribe links of the groups' discussions
    "/mentorat/",  # community/mentoring: personal suggestions and requests
    "/mobilite/",  # community/mentoring: offers for logged-in members
    "/recommandation/",  # community/health: the NPS answer
    "/appels/",  # the application form and its drafts are personal
    "/blocages/",  # a startup team's blockers
    # The help router: contacts and people depend on who reads; confidential situations say no-store.
    "/vers-qui-me-tourner/",
)

# Site searches are logged without personal data (resources/search/querylog.py) and deleted after
# this many days by `manage.py purge_search_log`, run daily.
FABRIQUE_SEARCH_LOG_DAYS = env_int("FABRIQUE_SEARCH_LOG_DAYS", 180)

from .accounts import *  # noqa: E402,F403
from .accounts import FABRIQUE_OIDC_ENABLED, OIDC_SERVER_URL  # noqa: E402 - the CSP's form-action

# Publisher, host, contact, retention of personal data, cookie-free audience measurement.
from .legal import *  # noqa: E402,F403
from .legal import FABRIQUE_MATOMO_ENABLED, FABRIQUE_MATOMO_URL  # noqa: E402 - the CSP's Matomo origin

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
# Files only their readers may download through a checked view (applications to calls): never under
# MEDIA_ROOT, which the web server publishes.
FABRIQUE_PRIVATE_MEDIA_ROOT = Path(env_str("FABRIQUE_PRIVATE_MEDIA_ROOT", str(BASE_DIR / "private-media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    # Compressed files with hashed names; whitenoise serves them with far-future caching.
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# Emails are queued, sent by the worker after commit through DJANGO_EMAIL_BACKEND, retried (core/mail.py).
_CONSOLE_EMAIL = "django.core.mail.backends.console.EmailBackend"
EMAIL_BACKEND = "core.mail.QueuedEmailBackend"
FABRIQUE_EMAIL_DELIVERY_BACKEND = env_str("DJANGO_EMAIL_BACKEND", _CONSOLE_EMAIL)
FABRIQUE_EMAIL_ATTEMPTS = env_int("FABRIQUE_EMAIL_ATTEMPTS", 5)
FABRIQUE_EMAIL_RETRY_DELAY = env_int("FABRIQUE_EMAIL_RETRY_DELAY", 60)  # seconds, times 4 after each failure
EMAIL_TIMEOUT = env_int("DJANGO_EMAIL_TIMEOUT", 20)  # a silent server must not hold a worker for ever
EMAIL_FILE_PATH = env_str("DJANGO_EMAIL_FILE_PATH") or None  # for the filebased backend
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
# Digests and reminders (`manage.py send_digests`, README « Récapitulatifs et relances »): weekly
# digests leave on the first run from this weekday (0 = lundi) and hour; a stalled arrival path gets
# one reminder after this many days; « Relu, rien à changer » links last this many days.
FABRIQUE_DIGEST_WEEKDAY = env_int("FABRIQUE_DIGEST_WEEKDAY", 0)
FABRIQUE_DIGEST_HOUR = env_int("FABRIQUE_DIGEST_HOUR", 8)
FABRIQUE_ONBOARDING_NUDGE_DAYS = env_int("FABRIQUE_ONBOARDING_NUDGE_DAYS", 14)
FABRIQUE_REVIEW_LINK_DAYS = env_int("FABRIQUE_REVIEW_LINK_DAYS", 30)
# A working group's invitation by email can be accepted for this many days (community/groups/invitations.py).
FABRIQUE_GROUP_INVITATION_DAYS = env_int("FABRIQUE_GROUP_INVITATION_DAYS", 14)

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Tasks wait in the database for `manage.py task_worker` (README « Tâches de fond »); tests run them at once.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
FABRIQUE_TASK_LEASE_SECONDS = env_int("FABRIQUE_TASK_LEASE_SECONDS", 900)

# Wagtail
WAGTAIL_SITE_NAME = "Fabrique"
# The public address written in emails; production must give it (core/deployment.py checks it).
WAGTAILADMIN_BASE_URL = env_str("WAGTAILADMIN_BASE_URL") or ("http://127.0.0.1:8000" if DEBUG else "")
# Search engine (README « Recherche »): ours on PostgreSQL (resources/search/backend.py), else Wagtail's
# database backend; FABRIQUE_SEARCH_BACKEND and FABRIQUE_SEARCH_URLS name another (OpenSearch…).
_SEARCH_URLS = env_list("FABRIQUE_SEARCH_URLS", [])
_DATABASE_SEARCH = "postgresql" in DATABASES["default"]["ENGINE"] and "resources.search.backend"
FABRIQUE_SEARCH_BACKEND = env_str(
    "FABRIQUE_SEARCH_BACKEND", _DATABASE_SEARCH or "wagtail.search.backends.database"
)
WAGTAILSEARCH_BACKENDS = {
    "default": {"BACKEND": FABRIQUE_SEARCH_BACKEND, "URLS": _SEARCH_URLS, "INDEX_PREFIX": "fabrique_"}
    if _SEARCH_URLS
    else {"BACKEND": FABRIQUE_SEARCH_BACKEND, "SEARCH_CONFIG": "french"}
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
# Where the report « Qualité des données importées » links a fiche (`startups/x.md` → …/_startups/x.md);
# empty: the report shows the path only (a private mirror, no web access to the repository).
FABRIQUE_BETAGOUV_SOURCE_URL = env_str(
    "FABRIQUE_BETAGOUV_SOURCE_URL", "https://github.com/betagouv/beta.gouv.fr/blob/master/content/"
)

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


# The Matomo server, when audience measurement is on: its script, its beacon and its pixel.
_CSP_MATOMO = [_origin(FABRIQUE_MATOMO_URL)] if FABRIQUE_MATOMO_ENABLED else []
_CSP_VIDEO_PLAYERS = [
    "https://www.youtube-nocookie.com",
    "https://www.youtube.com",
    "https://player.vimeo.com",
]
FABRIQUE_CSP_PUBLIC = {
    "default-src": [_CSP_SELF],
    "script-src": [_CSP_SELF, *_CSP_MATOMO],
    "style-src": [_CSP_SELF],
    "img-src": [_CSP_SELF, "data:", *env_list("FABRIQUE_CSP_IMG_HOSTS", []), *_CSP_MATOMO],
    "font-src": [_CSP_SELF],
    "connect-src": [_CSP_SELF, *_CSP_MATOMO],
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
    "script-src": [_CSP_SELF, "'unsafe-inline'"],  # no audience measurement in the admin
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
