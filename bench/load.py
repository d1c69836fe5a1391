"""Load test: 50 visitors for 2 minutes with locust (headless, 127.0.0.1 only) against gunicorn.

    DATABASE_URL=postgres://…/bench_10x [REDIS_URL=…] .venv/bin/python bench/load.py [--run-time 2m]

Starts gunicorn (bench/server.py, 2 workers), picks pages from the database (guides, resources,
startups, roles, paths; filtered listings; searches), runs `locust --headless --users 50
--spawn-rate 10` on bench/locustfile.py, and prints errors (target 0), p50/p95, requests per second,
and the resident memory of each gunicorn worker before and after (target < 250 MB, growth < 10 %).
"""

import argparse
import csv
import json
import os
import random
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from measure import Clock, emit, machine_line, setup_django  # noqa: E402

setup_django()

from server import BIN, ROOT, gunicorn, worker_rss_mb  # noqa: E402

from community.onboarding.models import OnboardingPathPage, RolePage  # noqa: E402
from community.startups.models import StartupIndexPage, StartupPage  # noqa: E402
from core.taxonomy.models import Phase  # noqa: E402
from resources.guides.models import GuidePage  # noqa: E402
from resources.library.models import ResourceIndexPage, ResourcePage  # noqa: E402

SEARCHES = [
    "recrutement",
    "accessibilité",
    "comité d'investissement",
    "marché public",
    "budget",
    "hébergement",
    "données personnelles",
    "atelier",
    "licence libre",
    "collectivité",
]
MAX_RSS_MB, MAX_GROWTH = 250, 0.10


def urls(rng, per_type=40):
    """A sample of the site's pages, so the load spreads over the content as real visits do."""

    def sample(queryset):
        pks = list(queryset.live().values_list("pk", flat=True))
        return [
            page.url
            for page in queryset.model.objects.filter(pk__in=rng.sample(pks, min(per_type, len(pks))))
        ]

    startups, resources = StartupIndexPage.objects.first().url, ResourceIndexPage.objects.first().url
    phases = list(Phase.objects.values_list("slug", flat=True))
    pages = ["/", startups, resources]
    for queryset in (
        GuidePage.objects,
        ResourcePage.objects,
        StartupPage.objects,
        RolePage.objects,
        OnboardingPathPage.objects,
    ):
        pages += sample(queryset.all())
    listings = (
        [f"{startups}?phase={phase}" for phase in phases]
        + [f"{resources}?phase={phase}&page=2" for phase in phases]
        + [f"{startups}?tri=recent&page={n}" for n in range(1, 6)]
    )
    return {"pages": pages, "listings": listings, "searches": SEARCHES}


def aggregated(csv_prefix):
    with open(f"{csv_prefix}_stats.csv", newline="") as handle:
        rows = {row["Name"]: row for row in csv.DictReader(handle)}
    return rows


def main():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--run-time", default="2m", help="durée (format locust : 30s, 2m…)")
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--spawn-rate", type=int, default=10)
    args = parser.parse_args()
    clock = Clock()
    workdir = Path(tempfile.mkdtemp(prefix="bench-load-"))
    (workdir / "urls.json").write_text(json.dumps(urls(random.Random(10)), ensure_ascii=False))

    with gunicorn() as (base, master_pid, _root):
        before = worker_rss_mb(master_pid)
        locust = subprocess.run(
            [
                str(BIN / "locust"),
                "-f",
                str(ROOT / "bench" / "locustfile.py"),
                "--headless",
                "--host",
                base,
                "--users",
                str(args.users),
                "--spawn-rate",
                str(args.spawn_rate),
                "--run-time",
                args.run_time,
                "--csv",
                str(workdir / "locust"),
                "--only-summary",
                "--loglevel",
                "WARNING",
            ],
            env={**os.environ, "BENCH_LOCUST_URLS": str(workdir / "urls.json")},
            capture_output=True,
            text=True,
        )
        after = worker_rss_mb(master_pid)
    stats = aggregated(workdir / "locust")
    total = stats["Aggregated"]
    result = {
        "bench": "load",
        "users": args.users,
        "run_time": args.run_time,
        "requests": int(total["Request Count"]),
        "errors": int(total["Failure Count"]),
        "p50_ms": float(total["50%"]),
        "p95_ms": float(total["95%"]),
        "rps": round(float(total["Requests/s"]), 1),
        "by_type": {
            name: {
                "p50_ms": float(row["50%"]),
                "p95_ms": float(row["95%"]),
                "errors": int(row["Failure Count"]),
            }
            for name, row in stats.items()
            if name != "Aggregated"
        },
        "worker_rss_mb_before": before,
        "worker_rss_mb_after": after,
        "worker_rss_growth": round(max(a / b - 1 for a, b in zip(after, before, strict=False)), 3)
        if before and after
        else None,
        "locust_exit_code": locust.returncode,
        **clock.figures(),
    }
    print(f"Charge : {args.users} visiteurs pendant {args.run_time} sur {base} ({machine_line()}).")
    print(
        f"{result['requests']} requêtes, {result['errors']} erreur(s) (cible 0), "
        f"p50 {result['p50_ms']:g} ms, p95 {result['p95_ms']:g} ms, {result['rps']} req/s."
    )
    for name, row in result["by_type"].items():
        print(f"  {name:16} p50 {row['p50_ms']:g} ms, p95 {row['p95_ms']:g} ms, erreurs {row['errors']}")
    print(
        f"Mémoire par worker : avant {before} Mo, après {after} Mo (cible < {MAX_RSS_MB} Mo, "
        f"croissance {result['worker_rss_growth']:.1%} pour une cible < {MAX_GROWTH:.0%})."
    )
    if result["errors"]:
        print((workdir / "locust_failures.csv").read_text())
    print(f"Durée : {result['wall_seconds']} s, CPU du script : {result['cpu_seconds']} s.")
    emit(result)


if __name__ == "__main__":
    main()
