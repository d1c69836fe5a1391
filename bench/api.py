"""Time `startups.json` (beta.gouv.fr-compatible API) at 1× and 10× the real sample.

    .venv/bin/python bench/api.py [DIR] [--scales 1,10] [--runs 5]

For each scale, imports DIR (default ../shared/fixtures/betagouv) with every startup fiche written
that many times, into a fresh SQLite database, then asks for /api/betagouv/v2.7/startups.json with
the page cache off (the cost of building it; a cached answer costs one cache read). Prints, in
French, the median response time (wall clock, and this process's CPU time, which a loaded machine
inflates less), the number of SQL queries and the size, then one JSON line.
"""

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DIR = ROOT.parent / "shared" / "fixtures" / "betagouv"
ENDPOINTS = ["startups.json", "startups_details.json", "startups.csv"]


def measure(directory: Path, copies: int, runs: int) -> dict:
    """Runs in a child process: one fresh database per scale."""
    workdir = Path(tempfile.mkdtemp(prefix="bench-api-"))
    try:
        os.environ["DATABASE_URL"] = f"sqlite:///{workdir / 'bench.sqlite3'}"
        os.environ["FABRIQUE_PAGE_CACHE"] = "0"
        os.environ["DJANGO_DEBUG"] = "0"  # as in production: no query log kept in memory
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")
        sys.path.insert(0, str(ROOT))
        sys.path.insert(0, str(ROOT / "bench"))
        import django

        django.setup()
        from django.core.management import call_command
        from django.db import connection
        from django.test import Client
        from django.test.utils import CaptureQueriesContext, override_settings, setup_test_environment

        from import_betagouv import replicate

        from community.startups.betagouv import import_betagouv
        from home.site import setup_site

        if copies > 1:
            content = workdir / "content"
            replicate(directory, content, copies)
            directory = content
        call_command("migrate", verbosity=0)
        import_betagouv(directory, setup_site(), publish=True)
        setup_test_environment()  # the test client's host, "testserver", is then allowed
        client = Client()
        result = {"copies": copies}
        with override_settings(FABRIQUE_PAGE_CACHE=False, FABRIQUE_API_RATE_LIMIT=10_000):
            for endpoint in ENDPOINTS:
                times, cpu_times = [], []
                for _ in range(runs):
                    connection.queries_log.clear()
                    with CaptureQueriesContext(connection) as queries:
                        started, cpu = time.perf_counter(), time.process_time()
                        response = client.get(f"/api/betagouv/v2.7/{endpoint}", secure=True)
                        times.append(time.perf_counter() - started)
                        cpu_times.append(time.process_time() - cpu)
                    assert response.status_code == 200, (endpoint, response.status_code)
                result[endpoint] = {
                    "median_ms": round(statistics.median(times) * 1000, 1),
                    "cpu_ms": round(statistics.median(cpu_times) * 1000, 1),
                    "queries": len(queries),
                    "kilobytes": round(len(response.content) / 1024, 1),
                }
        if os.environ.get("BENCH_PROFILE"):
            import cProfile
            import pstats

            with cProfile.Profile() as profile:
                client.get("/api/betagouv/v2.7/startups.json", secure=True)
            pstats.Stats(profile, stream=sys.stderr).sort_stats("cumulative").print_stats(25)
        data = json.loads(client.get("/api/betagouv/v2.7/startups.json", secure=True).content)
        result["startups"] = len(data["data"])
        return result
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


def main():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("directory", nargs="?", default=str(DEFAULT_DIR))
    parser.add_argument("--scales", default="1,10")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(measure(Path(args.directory), args.one, args.runs)))
        return
    results = []
    for scale in [int(value) for value in args.scales.split(",")]:
        child = subprocess.run(
            [sys.executable, __file__, args.directory, "--one", str(scale), "--runs", str(args.runs)],
            check=True,
            capture_output=True,
            text=True,
        )
        result = json.loads(child.stdout.strip().splitlines()[-1])
        results.append(result)
        print(f"{scale}× ({result['startups']} startups) :")
        for endpoint in ENDPOINTS:
            figures = result[endpoint]
            print(
                f"  {endpoint} : {figures['median_ms']} ms (médiane de {args.runs} ; "
                f"CPU de ce processus {figures['cpu_ms']} ms), "
                f"{figures['queries']} requêtes SQL, {figures['kilobytes']} Ko"
            )
    print(f"Charge moyenne : {os.getloadavg()[0]:.1f} pour {os.cpu_count()} cœurs")
    print(json.dumps(results))


if __name__ == "__main__":
    main()
