"""Settings for running the site in production: caches, rate limits and client addresses, error
reports (README « Exploitation »). Imported by base.py; every value comes from the environment."""

from .env import env_float, env_int, env_str

REDIS_URL = env_str("REDIS_URL")
# Two aliases: "default" for pages and fragments, "ratelimit" for the rate-limit counters (ours and
# allauth's). Short socket timeouts: an unreachable Redis costs a request a fraction of a second, never
# a hung worker. The pages' cache hides Redis errors (a miss, the page is rendered); the counters'
# cache answers as an empty cache and the limits let actions through until Redis is back
# (core/security/counters.py): a cache outage must never lock everybody out.
REDIS_SOCKET_TIMEOUT = env_float("FABRIQUE_REDIS_TIMEOUT", 0.5)
FABRIQUE_RATE_LIMIT_CACHE = "ratelimit"
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "fabrique",
            "OPTIONS": {
                "IGNORE_EXCEPTIONS": True,
                "SOCKET_CONNECT_TIMEOUT": REDIS_SOCKET_TIMEOUT,
                "SOCKET_TIMEOUT": REDIS_SOCKET_TIMEOUT,
            },
        },
        FABRIQUE_RATE_LIMIT_CACHE: {
            "BACKEND": "core.security.counters.FailOpenRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "fabrique-limites",
            "OPTIONS": {"SOCKET_CONNECT_TIMEOUT": 0.25, "SOCKET_TIMEOUT": 0.25},
        },
    }
else:
    # Per process: enough on a laptop; refused in production with several workers (core/deployment.py).
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
        FABRIQUE_RATE_LIMIT_CACHE: {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "fabrique-limites",
        },
    }
# Worker processes of the WSGI server (gunicorn reads WEB_CONCURRENCY too): with more than one, a
# per-process cache would give each worker its own counters and its own stale pages (core/deployment.py).
FABRIQUE_WORKER_PROCESSES = env_int("WEB_CONCURRENCY", 1)
# Our own limiter (core/security/ratelimit.py, 10 actions a minute per address, account and typed
# address) guards sign-up, feedback and contributions. Logins are limited by allauth's own limits,
# counted in the same "ratelimit" cache (core/apps.py): failed logins per client address across
# accounts (password spraying) and per account; every login POST per address; sign-ups per address.
FABRIQUE_RATE_LIMIT = env_int("FABRIQUE_RATE_LIMIT", 10)
FABRIQUE_RATE_LIMIT_PERIOD = env_int("FABRIQUE_RATE_LIMIT_PERIOD", 60)
# Open data (/api/v2/, /api/betagouv/v2.7/, feeds): reads per address per period, and how long any
# proxy or client may keep an answer (core/api.py).
FABRIQUE_API_RATE_LIMIT = env_int("FABRIQUE_API_RATE_LIMIT", 120)
FABRIQUE_API_MAX_AGE = env_int("FABRIQUE_API_MAX_AGE", 300)
FABRIQUE_LOGIN_FAILURES_PER_ADDRESS = env_int("FABRIQUE_LOGIN_FAILURES_PER_ADDRESS", 10)
FABRIQUE_LOGIN_FAILURES_PER_ACCOUNT = env_int("FABRIQUE_LOGIN_FAILURES_PER_ACCOUNT", 5)
ACCOUNT_RATE_LIMITS = {
    # Wrong passwords, per minute from one address (whatever the accounts), per 5 minutes on one
    # account (whatever the addresses). A successful login gives its attempt back.
    "login_failed": (
        f"{FABRIQUE_LOGIN_FAILURES_PER_ADDRESS}/m/ip,{FABRIQUE_LOGIN_FAILURES_PER_ACCOUNT}/5m/key"
    ),
    "login": "30/m/ip",  # every login form sent (right or wrong), answered by the 429 page
    "signup": "20/m/ip",  # plus ours per typed address (community/members/forms.py)
    "reset_password": "20/m/ip,5/m/key",
}
# The client address comes from the right of X-Forwarded-For, skipping this many proxies of ours
# (core/security/clients.py; 0: the header is ignored). allauth reads the same number.
FABRIQUE_TRUSTED_PROXY_COUNT = env_int("FABRIQUE_TRUSTED_PROXY_COUNT", 0)
ALLAUTH_TRUSTED_PROXY_COUNT = FABRIQUE_TRUSTED_PROXY_COUNT

# Error reports to Sentry (or a compatible service such as GlitchTip), only when SENTRY_DSN is set.
# No personal data is sent (no addresses, cookies or user details); performance tracing is off unless
# SENTRY_TRACES_SAMPLE_RATE asks for a fraction of requests.
SENTRY_DSN = env_str("SENTRY_DSN")
if SENTRY_DSN:
    import sentry_sdk

    sentry_sdk.init(
        dsn=SENTRY_DSN,
        environment=env_str("SENTRY_ENVIRONMENT", "production"),
        send_default_pii=False,
        traces_sample_rate=env_float("SENTRY_TRACES_SAMPLE_RATE", 0.0),
    )
