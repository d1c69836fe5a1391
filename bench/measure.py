"""What every bench script shares: Django set-up, percentiles, wall and CPU clocks, the JSON line.

Figures measured on a shared machine mean little without its load, so every result carries the
1-minute load average and the CPU time of the measuring process beside wall-clock times.
"""

import json
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Static URLs without the manifest, so no collectstatic is needed first (the lookup costs the same):
# `override_settings(STORAGES=PLAIN_STATIC)` around the requests of a bench run with DEBUG off.
PLAIN_STATIC = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}


def production_environment() -> dict[str, str]:
    """Settings of a deployed site, on this machine: DEBUG off, a throwaway key, local hosts, HTTP."""
    import secrets

    return {
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(64),
        "DJANGO_ALLOWED_HOSTS": "testserver,localhost,127.0.0.1",
        "DJANGO_SECURE_SSL_REDIRECT": "0",
        "WAGTAILADMIN_BASE_URL": "http://127.0.0.1",  # production checks it (core/deployment.py)
    }


def setup_django(settings="config.settings.dev", production=False):
    """Import path and settings as for manage.py; the page cache is off unless asked otherwise.

    `production` switches DEBUG off (with a throwaway secret key and local hosts), so timings
    include no debug-only work, as on a deployed site.
    """
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", settings)
    if production:
        for name, value in production_environment().items():
            os.environ.setdefault(name, value)
    import django

    django.setup()


def percentile(values, share):
    """Nearest-rank percentile (`share` in 0..1) of a non-empty list."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def summary(times_ms):
    """p50, p95 and max of a list of durations in milliseconds, rounded for printing."""
    return {
        "p50_ms": round(statistics.median(times_ms), 1),
        "p95_ms": round(percentile(times_ms, 0.95), 1),
        "max_ms": round(max(times_ms), 1),
        "n": len(times_ms),
    }


class Clock:
    """Wall and CPU time of this process since creation (CPU excludes other engineers' load)."""

    def __init__(self):
        self.wall, self.cpu = time.perf_counter(), time.process_time()

    def figures(self):
        return {
            "wall_seconds": round(time.perf_counter() - self.wall, 1),
            "cpu_seconds": round(time.process_time() - self.cpu, 1),
        }


def machine():
    return {"load_average_1min": round(os.getloadavg()[0], 2), "cpu_count": os.cpu_count()}


def machine_line():
    info = machine()
    return f"charge machine : {info['load_average_1min']} sur {info['cpu_count']} cœurs"


def emit(result):
    """The one JSON line scripts read, last line of the output."""
    print(json.dumps({**result, **machine()}, ensure_ascii=False))


def timed_get(client, url, repeat, failure):
    """SQL query count of one GET of `url`, then wall-time percentiles and CPU over `repeat` more.

    `failure` is the French message (with `{url}` and `{status}`) to stop on when it isn't a 200.
    """
    from django.db import connection

    # Counted by an execute wrapper rather than Django's query log, which stays empty with DEBUG=0
    # (the production setting these figures are meant for).
    queries = []
    with connection.execute_wrapper(lambda execute, sql, *args: queries.append(sql) or execute(sql, *args)):
        response = client.get(url)
    if response.status_code != 200:
        raise SystemExit(failure.format(url=url, status=response.status_code))
    times = []
    cpu = time.process_time()
    for _ in range(repeat):
        start = time.perf_counter()
        client.get(url)
        times.append((time.perf_counter() - start) * 1000)
    # CPU of this process only (Python side; PostgreSQL's work is in the wall time).
    cpu_ms = round((time.process_time() - cpu) * 1000 / repeat, 1)
    return len(queries), {**summary(times), "cpu_ms_per_request": cpu_ms}


def backend_cpu_reader(connection):
    """A function giving the CPU seconds used so far by `connection`'s PostgreSQL backend process.

    Read from /proc/<pid>/schedstat, so only for a database on this machine; 0 otherwise (SQLite
    runs inside this process, whose CPU time the caller measures already).
    """
    if connection.vendor != "postgresql":
        return lambda: 0.0
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        path = Path(f"/proc/{cursor.fetchone()[0]}/schedstat")
    if not path.exists():
        return lambda: 0.0
    return lambda: int(path.read_text().split()[0]) / 1e9
