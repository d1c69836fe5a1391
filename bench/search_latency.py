"""Search latency (p50/p95) over a fixed list of queries, and SQL queries per results page.

    DATABASE_URL=postgres://… .venv/bin/python bench/search_latency.py [--repeat 5]
    FABRIQUE_SEARCH_BACKEND=wagtail.search.backends.database …   # the generic path, to compare

Each query is requested through the full Django stack (`/recherche/?q=…`, template included), as
an anonymous visitor, first page then a deep page; the autocomplete endpoint is timed for 1 to 3
letters. Prints readable figures, then one JSON line.

DEBUG is off, as on a deployed site (bench/measure.py: a throwaway key, local hosts): with DEBUG on,
Django logs every statement, a quarter of a suggestion's time. `--debug` keeps it on, the condition
of the figures measured before 1 December 2026 (compare like with like); the output says which.

The machine is shared: beside wall time, each request's CPU time is measured, this process's
plus, on PostgreSQL on this machine, the database backend's (from /proc/<pid>/schedstat). On an
idle 2-core machine a request takes about its CPU time, so the CPU percentiles tell what the wall
percentiles would be without the other users' load.
"""

import argparse
import json
import os
import re
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from measure import PLAIN_STATIC, backend_cpu_reader, percentile, setup_django  # noqa: E402

QUERIES = [
    "recruter",
    "recrutement développeur",
    "collectivite",
    "accessibilité",
    "comité d'investissement",
    "mesurer l'impact",
    "marchés publics",
    "hébergement cloud souverain",
    "données personnelles",
    "budget financement",
    "convnetion",
    "transfert du service à son administration",
    "atelier",
    "licence libre",
    "xylophone",
]
PAGED = [("recruter", {"page": "3"}), ("atelier", {"tri": "date"}), ("atelier", {"phase": "construction"})]
# The first letters typed (thousands of titles match), then a prefix no title has (the index alone).
AUTOCOMPLETE = ["r", "re", "rec", "c", "co", "col", "é", "mo", "for", "xylo"]


# « 12 résultats », « 1\xa0234 résultats » or, above the backend's cap, « Plus de 1\xa0000 résultats ».
RESULTS_RE = re.compile(r'id="resultats"[^>]*>((?:Plus de )?[\d\xa0\u202f ]+) résultat')


def timed(client, path, params, backend_cpu):
    """Wall and CPU milliseconds of one request (CPU: this process plus the database backend)."""
    cpu_start, backend_start, start = time.process_time(), backend_cpu(), time.perf_counter()
    response = client.get(path, params)
    elapsed = (time.perf_counter() - start) * 1000
    cpu = (time.process_time() - cpu_start + backend_cpu() - backend_start) * 1000
    assert response.status_code == 200, (path, params, response.status_code)
    return elapsed, cpu


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument(
        "--debug", action="store_true", help="garder DEBUG actif (requêtes journalisées, plus lent)"
    )
    args = parser.parse_args()
    # One database connection for the whole run, so its backend's CPU time can be read throughout.
    os.environ.setdefault("DATABASE_CONN_MAX_AGE", "3600")
    # Every request must run the search: the anonymous page cache (core/caching/) stays off.
    os.environ["FABRIQUE_PAGE_CACHE"] = "0"
    setup_django(production=not args.debug)

    from django.conf import settings
    from django.db import connection
    from django.test import Client, override_settings
    from django.test.utils import CaptureQueriesContext

    from wagtail.search.backends import get_search_backend

    from resources.library.models import ResourcePage

    override_settings(STORAGES=PLAIN_STATIC).enable()  # for the whole (throwaway) process
    client = Client(HTTP_HOST="localhost")
    cases = [({"q": query}) for query in QUERIES] + [{"q": query, **extra} for query, extra in PAGED]
    for params in cases[:3]:  # warm caches (content types, site root paths, vocabulary)
        client.get("/recherche/", params)
    backend_cpu = backend_cpu_reader(connection)  # the connection stays open (persistent) for the whole run

    search_times, search_cpu, query_counts, result_counts = [], [], {}, {}
    for params in cases:
        for _ in range(args.repeat):
            elapsed, cpu = timed(client, "/recherche/", params, backend_cpu)
            search_times.append(elapsed)
            search_cpu.append(cpu)
        with CaptureQueriesContext(connection) as queries:
            response = client.get("/recherche/", params)
        found = RESULTS_RE.search(response.content.decode())
        key = json.dumps(params, ensure_ascii=False)
        query_counts[key] = len(queries)
        result_counts[key] = found.group(1) if found else "0"

    suggest_times, suggest_cpu = [], []
    for typed in AUTOCOMPLETE:
        client.get("/recherche/suggestions/", {"q": typed})
        for _ in range(args.repeat):
            elapsed, cpu = timed(client, "/recherche/suggestions/", {"q": typed}, backend_cpu)
            suggest_times.append(elapsed)
            suggest_cpu.append(cpu)

    result = {
        "bench": "search_latency",
        "vendor": connection.vendor,
        "search_backend": type(get_search_backend()).__name__,
        "debug": settings.DEBUG,
        "resources": ResourcePage.objects.live().count(),
        "search_requests": len(search_times),
        "search_p50_ms": round(statistics.median(search_times), 1),
        "search_p95_ms": round(percentile(search_times, 0.95), 1),
        "search_max_ms": round(max(search_times), 1),
        "search_cpu_p50_ms": round(statistics.median(search_cpu), 1),
        "search_cpu_p95_ms": round(percentile(search_cpu, 0.95), 1),
        "suggest_p50_ms": round(statistics.median(suggest_times), 1),
        "suggest_p95_ms": round(percentile(suggest_times, 0.95), 1),
        "suggest_cpu_p50_ms": round(statistics.median(suggest_cpu), 1),
        "suggest_cpu_p95_ms": round(percentile(suggest_cpu, 0.95), 1),
        "sql_queries_per_results_page_min": min(query_counts.values()),
        "sql_queries_per_results_page_max": max(query_counts.values()),
        # Latency on a shared machine means little without the load it was measured under.
        "load_average_1min": round(os.getloadavg()[0], 2),
        "cpu_count": os.cpu_count(),
    }
    print(
        f"Base {result['vendor']} (moteur {result['search_backend']}), "
        f"{result['resources']} ressources publiées "
        f"(charge machine : {result['load_average_1min']} sur {result['cpu_count']} cœurs ; "
        f"DEBUG : {'oui' if settings.DEBUG else 'non'})."
    )
    print(
        f"Recherche ({result['search_requests']} requêtes) : p50 {result['search_p50_ms']} ms, "
        f"p95 {result['search_p95_ms']} ms, max {result['search_max_ms']} ms ; "
        f"temps CPU (application + base) p50 {result['search_cpu_p50_ms']} ms, "
        f"p95 {result['search_cpu_p95_ms']} ms."
    )
    print(
        f"Suggestions (1 à 3 lettres) : p50 {result['suggest_p50_ms']} ms, "
        f"p95 {result['suggest_p95_ms']} ms ; "
        f"temps CPU p50 {result['suggest_cpu_p50_ms']} ms, p95 {result['suggest_cpu_p95_ms']} ms."
    )
    print("Requêtes SQL par page de résultats (le nombre ne dépend pas de celui des résultats) :")
    for params, count in query_counts.items():
        print(f"  {count:3d}  {params} ({result_counts[params]} résultats)")
    print(json.dumps(result, ensure_ascii=False))


if __name__ == "__main__":
    main()
