"""When the database is unreachable: a French 503 page with `Retry-After`, and the next request tries again.

A stopped or unreachable PostgreSQL raises `OperationalError` (or `InterfaceError` on a connection
that broke under us). Rather than a 500 page and a traceback in the logs for every visitor, the
site answers "service momentanément indisponible" with status 503 and `Retry-After`, which a load
balancer or a crawler understands as "come back later". Broken connections are closed on the spot,
so the first request after the database comes back opens a fresh one: service resumes by itself,
without restarting the workers.

`DatabaseOutageMiddleware` catches what views raise; `server_error` (the site's handler500) catches
the same errors raised in a middleware (a session read, for instance). Anonymous pages still in the
page cache are served meanwhile (core/caching/middleware.py answers before any database access).
"""

import contextlib
import logging
import sys

from django.db import DatabaseError, InterfaceError, OperationalError, connections
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.views import defaults

logger = logging.getLogger(__name__)

RETRY_AFTER_SECONDS = 30
OUTAGE_TEMPLATE = "503.html"
DATABASE_DOWN = (OperationalError, InterfaceError)


def drop_broken_connections() -> None:
    """Close the connections that failed, so the next query opens a new one."""
    for connection in connections.all(initialized_only=True):
        if connection.in_atomic_block:  # its owner rolls back and closes it
            continue
        # Closing a dead connection may fail too; it is dropped all the same.
        with contextlib.suppress(DatabaseError):
            connection.close_if_unusable_or_obsolete()


def outage_response() -> HttpResponse:
    """The 503 page: rendered without the request, as its context processors would query the database."""
    response = HttpResponse(render_to_string(OUTAGE_TEMPLATE), status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


def _answer_outage(request, error) -> HttpResponse:
    logger.warning("Base de données injoignable (%s %s) : page 503. %s", request.method, request.path, error)
    drop_broken_connections()
    return outage_response()


class DatabaseOutageMiddleware:
    """Turns a database outage raised by a view into the 503 page."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, DATABASE_DOWN):
            return _answer_outage(request, exception)
        return None


def server_error(request):
    """handler500: the 503 page when the error is a database outage, Django's 500 page otherwise."""
    error = sys.exc_info()[1]
    if isinstance(error, DATABASE_DOWN):
        return _answer_outage(request, error)
    return defaults.server_error(request)
