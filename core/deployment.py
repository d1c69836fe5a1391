"""What a production host must get right besides its secret key, checked at start, in French.

- the public address (`WAGTAILADMIN_BASE_URL`): set, absolute, in HTTPS when the site redirects to
  HTTPS, and one of the served hosts; it is written in every email (workflow, password reset);
- the served hosts (`DJANGO_ALLOWED_HOSTS`): listed, never "*" (a forged Host header would then end
  up in those emails' links);
- the caches: several worker processes (`WEB_CONCURRENCY`) each with a per-process cache would each
  keep their own rate-limit counters (the limits multiplied by the number of workers) and their own
  pages (stale after a publication served by another worker): REDIS_URL is required then;
- the client address: the former `FABRIQUE_TRUST_X_FORWARDED_FOR` (leftmost entry, forgeable) is
  gone; a host still setting it is told to use `FABRIQUE_TRUSTED_PROXY_COUNT`.

With debug mode on nothing is checked. `config/wsgi.py` refuses to serve on any problem. The caches
are checked by every `manage.py` command; the rest by every command of a declared production host
(DJANGO_DEBUG=0 written out) and by `check --deploy`, like the secret key (core/security/secret_key.py).
"""

import os
from urllib.parse import urlsplit

from django.conf import settings
from django.core import checks
from django.core.exceptions import ImproperlyConfigured
from django.http.request import validate_host

from core.security.secret_key import secret_key_problem

PER_PROCESS_CACHES = ("django.core.cache.backends.locmem.LocMemCache",)
LEGACY_PROXY_VARIABLE = "FABRIQUE_TRUST_X_FORWARDED_FOR"


def _address_problems() -> list[str]:
    problems = []
    hosts = list(settings.ALLOWED_HOSTS)
    if not hosts:
        problems.append("DJANGO_ALLOWED_HOSTS doit lister les noms de domaine servis (ex. fabrique.gouv.fr).")
    elif "*" in hosts:
        problems.append(
            "DJANGO_ALLOWED_HOSTS ne doit pas contenir « * » : un en-tête Host forgé finirait dans les "
            "liens des courriels. Listez les noms de domaine servis."
        )
    base_url = getattr(settings, "WAGTAILADMIN_BASE_URL", "") or ""
    parts = urlsplit(base_url)
    if not base_url:
        problems.append(
            "WAGTAILADMIN_BASE_URL doit être définie : l'adresse publique du site, écrite dans les "
            "courriels (ex. https://fabrique.gouv.fr)."
        )
    elif parts.scheme not in ("http", "https") or not parts.hostname:
        problems.append(f"WAGTAILADMIN_BASE_URL doit être une adresse complète (reçu : {base_url!r}).")
    else:
        if settings.SECURE_SSL_REDIRECT and parts.scheme != "https":
            problems.append(f"WAGTAILADMIN_BASE_URL doit commencer par https:// (reçu : {base_url!r}).")
        if hosts and "*" not in hosts and not validate_host(parts.hostname, hosts):
            problems.append(
                f"L'hôte de WAGTAILADMIN_BASE_URL ({parts.hostname}) doit figurer dans DJANGO_ALLOWED_HOSTS."
            )
    return problems


def _cache_problems() -> list[str]:
    workers = getattr(settings, "FABRIQUE_WORKER_PROCESSES", 1)
    if workers <= 1:
        return []
    local = sorted(
        alias for alias, config in settings.CACHES.items() if config["BACKEND"] in PER_PROCESS_CACHES
    )
    if not local:
        return []
    return [
        f"Avec {workers} processus (WEB_CONCURRENCY), le cache en mémoire locale ({', '.join(local)}) "
        "donnerait à chacun ses propres compteurs de limitation et ses propres pages en cache : "
        "définissez REDIS_URL (ou WEB_CONCURRENCY=1)."
    ]


def _proxy_problems() -> list[str]:
    if LEGACY_PROXY_VARIABLE not in os.environ:
        return []
    return [
        f"{LEGACY_PROXY_VARIABLE} n'existe plus : indiquez à la place le nombre de proxys de confiance "
        "devant le site, FABRIQUE_TRUSTED_PROXY_COUNT (1 derrière un seul proxy), et retirez l'ancienne "
        "variable."
    ]


def deployment_problems() -> list[str]:
    """The French reasons this configuration is unfit for production (none with debug mode on)."""
    if settings.DEBUG:
        return []
    return _address_problems() + _cache_problems() + _proxy_problems()


def _errors() -> list:
    if settings.DEBUG:
        return []
    return [checks.Error(problem, id="fabrique.E002") for problem in _address_problems() + _proxy_problems()]


def check_worker_caches(app_configs=None, **kwargs):
    """Every command, debug off: a per-process cache is refused with several worker processes."""
    if settings.DEBUG:
        return []
    return [checks.Error(problem, id="fabrique.E003") for problem in _cache_problems()]


def check_declared_production(app_configs=None, **kwargs):
    """Every command of a host that wrote DJANGO_DEBUG=0 checks its deployment settings."""
    return _errors() if settings.FABRIQUE_PRODUCTION_DECLARED else []


def check_deployment(app_configs=None, **kwargs):
    """`check --deploy` reports them too (once: a declared production host is checked above)."""
    return [] if settings.FABRIQUE_PRODUCTION_DECLARED else _errors()


def ensure_ready() -> None:
    """Raise (the WSGI server then refuses to start) when production settings are unfit, in French."""
    problems = [problem for problem in [secret_key_problem(), *deployment_problems()] if problem]
    if problems:
        raise ImproperlyConfigured("\n".join(problems))
