"""`/sante/`: what a load balancer asks each node, in JSON, never cached.

- `database`: a `SELECT 1` on the default database; when it fails the answer is 503, so the balancer
  stops sending visitors to a node that could only show them the outage page;
- `cache`: a write then a read on each cache alias; an unreachable cache is reported ("indisponible")
  but keeps the answer at 200: the site works without it (pages are rendered, limits let actions
  through), and every node shares the same Redis, so failing them all would take the site down;
- `queue`: the background tasks waiting and running, when the django-tasks database backend
  (`django_tasks_db`) is installed; "non configurée" otherwise.

The path is excluded from the page cache (`FABRIQUE_PAGE_CACHE_EXCLUDED_PREFIXES`) and the response
says `Cache-Control: no-store`, so no proxy keeps an old answer either.
"""

import secrets

from django.apps import apps
from django.conf import settings
from django.core.cache import caches
from django.db import DatabaseError, connection
from django.http import JsonResponse
from django.views.decorators.http import require_safe

from core.outages import drop_broken_connections

OK, DOWN, NOT_CONFIGURED = "ok", "indisponible", "non configurée"
TASKS_APP = "django_tasks_db"
PROBE_KEY = "fabrique:sante"


def database_status() -> str:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        drop_broken_connections()
        return DOWN
    return OK


def cache_status() -> dict[str, str]:
    """Each alias: a fresh value written then read back (a hidden Redis error reads back nothing)."""
    statuses = {}
    for alias in settings.CACHES:
        token = secrets.token_hex(8)
        try:
            caches[alias].set(PROBE_KEY, token, timeout=10)
            statuses[alias] = OK if caches[alias].get(PROBE_KEY) == token else DOWN
        except Exception:  # a probe must report a failing cache, never fail with it
            statuses[alias] = DOWN
    return statuses


def queue_status() -> dict[str, int] | str:
    if not apps.is_installed(TASKS_APP):
        return NOT_CONFIGURED
    results = apps.get_app_config("django_tasks_database").get_model("DBTaskResult").objects
    try:
        return {
            "en_attente": results.ready().count(),  # due now, not yet picked up by a worker
            "en_cours": results.running().count(),
        }
    except DatabaseError:
        drop_broken_connections()
        return DOWN


@require_safe  # GET or HEAD, whichever the load balancer sends
def health(request):
    database = database_status()
    caches_ = cache_status()
    healthy = database == OK
    body = {
        "statut": ("ok" if set(caches_.values()) == {OK} else "dégradé") if healthy else "indisponible",
        "database": database,
        "cache": caches_,
        "queue": queue_status() if healthy else DOWN,
    }
    response = JsonResponse(body, status=200 if healthy else 503, json_dumps_params={"ensure_ascii": False})
    response["Cache-Control"] = "no-store"
    return response
