"""Time the onboarding follow-up: statistics of every path and one member's summary, at two sizes.

    .venv/bin/python bench/onboarding_progress.py [--users N ...] [--database-url URL]

Builds, in a fresh SQLite database in a temporary directory (or the given one), two demo paths and
N accounts that each ticked a random prefix of a path's steps, then times `path_statistics()` and
`progress_summary(user)` and counts their queries. Prints the figures in French, then one JSON line.
"""

import argparse
import json
import os
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--users", type=int, nargs="+", default=[100, 1000])
    parser.add_argument("--database-url")
    args = parser.parse_args()

    tmp = tempfile.mkdtemp(prefix="fabrique-bench-")
    os.environ["DATABASE_URL"] = args.database_url or f"sqlite:///{tmp}/bench.sqlite3"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from community.members.models import User
    from community.onboarding.models import OnboardingPathPage, OnboardingProgress
    from community.onboarding.statistics import path_statistics
    from community.onboarding.summaries import progress_summary

    call_command("migrate", verbosity=0)
    call_command("load_demo", "--no-admin", stdout=open(os.devnull, "w"))  # noqa: SIM115
    paths = list(OnboardingPathPage.objects.prefetch_related("steps"))
    rng = random.Random(7)
    results = []
    created = 0
    for size in sorted(args.users):
        rows = []
        new_users = User.objects.bulk_create([User(username=f"bench{n}") for n in range(created, size)])
        created = size
        for user in new_users:
            path = rng.choice(paths)
            steps = path.ordered_steps()
            rows += [
                OnboardingProgress(user=user, path=path, step=s) for s in steps[: rng.randint(1, len(steps))]
            ]
        OnboardingProgress.objects.bulk_create(rows)
        with CaptureQueriesContext(connection) as stats_queries:
            start = time.perf_counter()
            stats = path_statistics()
            stats_ms = (time.perf_counter() - start) * 1000
        user = User.objects.get(username="bench0")
        with CaptureQueriesContext(connection) as summary_queries:
            start = time.perf_counter()
            progress_summary(user)
            summary_ms = (time.perf_counter() - start) * 1000
        started = sum(s.started for s in stats)
        print(
            f"{size} comptes ({OnboardingProgress.objects.count()} coches, {started} parcours commencés) : "
            f"statistiques {stats_ms:.1f} ms en {len(stats_queries)} requêtes ; "
            f"résumé d'un membre {summary_ms:.1f} ms en {len(summary_queries)} requêtes"
        )
        results.append(
            {
                "users": size,
                "statistics_ms": round(stats_ms, 1),
                "statistics_queries": len(stats_queries),
                "summary_ms": round(summary_ms, 1),
                "summary_queries": len(summary_queries),
            }
        )
    print(json.dumps({"bench": "onboarding_progress", "results": results}))


if __name__ == "__main__":
    main()
