"""Search latency (p50/p95) over a fixed list of queries, and SQL queries per results page.

    DATABASE_URL=postgres://… .venv/bin/python bench/search_latency.py [--repeat 5]

Each query is requested through the full Django stack (`/recherche/?q=…`, template included), as
an anonymous visitor, first page then a deep page; the autocomplete endpoint is timed for 1 to 3
letters. Prints readable figures, then one JSON line.
"""

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.base")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from resources.models import ResourcePage  # noqa: E402

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
AUTOCOMPLETE = ["r", "re", "rec", "c", "co", "col", "é", "mo", "for"]


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def timed(client, path, params):
    start = time.perf_counter()
    response = client.get(path, params)
    elapsed = (time.perf_counter() - start) * 1000
    assert response.status_code == 200, (path, params, response.status_code)
    return elapsed


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    client = Client(HTTP_HOST="localhost")
    cases = [({"q": query}) for query in QUERIES] + [{"q": query, **extra} for query, extra in PAGED]
    for params in cases[:3]:  # warm caches (content types, site root paths, vocabulary)
        client.get("/recherche/", params)

    search_times, query_counts = [], {}
    for params in cases:
        for _ in range(args.repeat):
            search_times.append(timed(client, "/recherche/", params))
        with CaptureQueriesContext(connection) as queries:
            client.get("/recherche/", params)
        query_counts[json.dumps(params, ensure_ascii=False)] = len(queries)

    suggest_times = []
    for typed in AUTOCOMPLETE:
        client.get("/recherche/suggestions/", {"q": typed})
        for _ in range(args.repeat):
            suggest_times.append(timed(client, "/recherche/suggestions/", {"q": typed}))

    result = {
        "bench": "search_latency",
        "vendor": connection.vendor,
        "resources": ResourcePage.objects.live().count(),
        "search_requests": len(search_times),
        "search_p50_ms": round(statistics.median(search_times), 1),
        "search_p95_ms": round(percentile(search_times, 0.95), 1),
        "search_max_ms": round(max(search_times), 1),
        "suggest_p50_ms": round(statistics.median(suggest_times), 1),
        "suggest_p95_ms": round(percentile(suggest_times, 0.95), 1),
        "sql_queries_per_results_page_min": min(query_counts.values()),
        "sql_queries_per_results_page_max": max(query_counts.values()),
        # Latency on a shared machine means little without the load it was measured under.
        "load_average_1min": round(os.getloadavg()[0], 2),
        "cpu_count": os.cpu_count(),
    }
    print(
        f"Base {result['vendor']}, {result['resources']} ressources publiées "
        f"(charge machine : {result['load_average_1min']} sur {result['cpu_count']} cœurs)."
    )
    print(
        f"Recherche ({result['search_requests']} requêtes) : p50 {result['search_p50_ms']} ms, "
        f"p95 {result['search_p95_ms']} ms, max {result['search_max_ms']} ms."
    )
    print(
        f"Suggestions (1 à 3 lettres) : p50 {result['suggest_p50_ms']} ms, p95 {result['suggest_p95_ms']} ms."
    )
    print("Requêtes SQL par page de résultats :")
    for params, count in query_counts.items():
        print(f"  {count:3d}  {params}")
    print(json.dumps(result, ensure_ascii=False))


if __name__ == "__main__":
    main()
