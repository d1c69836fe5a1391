"""A production host must bring its own secret key: checked when Django starts, in French.

The settings module only reads the environment (so `settings.DEBUG` can always be read). With debug
mode off and `DJANGO_SECRET_KEY` missing, short, or the public development key, `config/wsgi.py`
refuses to serve (core/deployment.py), and `check --deploy` reports it. A host that declared itself
in production (`DJANGO_DEBUG=0` written out) also gets the error on every `manage.py` command; with
the variable left unset (a laptop), commands that serve nothing (migrate, makemigrations, imports) still run.
"""

from django.conf import settings
from django.core import checks
from django.core.exceptions import ImproperlyConfigured

MIN_LENGTH = 50
MESSAGE = (
    "DJANGO_SECRET_KEY doit être définie (au moins 50 caractères aléatoires) quand DJANGO_DEBUG=0. "
    'Générez-en une avec : python -c "import secrets; print(secrets.token_urlsafe(64))"'
)


def secret_key_problem() -> str:
    """The French reason the configured key is unfit for production, or '' when it is fine."""
    if settings.DEBUG:
        return ""
    try:
        key = settings.SECRET_KEY
    except ImproperlyConfigured:  # Django refuses to hand out an empty key
        key = ""
    if not key or key == getattr(settings, "DEV_SECRET_KEY", None) or len(key) < MIN_LENGTH:
        return MESSAGE
    return ""


def _errors() -> list:
    problem = secret_key_problem()
    return [checks.Error(problem, id="fabrique.E001")] if problem else []


def check_declared_production(app_configs=None, **kwargs):
    """Every command of a host that wrote DJANGO_DEBUG=0 checks its key."""
    return _errors() if settings.FABRIQUE_PRODUCTION_DECLARED else []


def check_deployment(app_configs=None, **kwargs):
    """`check --deploy` reports it too (once: a declared production host is checked above)."""
    return [] if settings.FABRIQUE_PRODUCTION_DECLARED else _errors()
