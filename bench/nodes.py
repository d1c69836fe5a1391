"""Two application nodes: 200 visitors over both for 3 minutes, and a publication seen by both at once.

    DATABASE_URL=postgres://…primary… DATABASE_REPLICA_URL=postgres://…replica… REDIS_URL=redis://… \
        .venv/bin/python bench/nodes.py [--users 200 --run-time 3m --publications 5]

Starts two gunicorn nodes (bench/server.py, production settings, 2 workers each) on two loopback
ports, sharing the PostgreSQL primary, its streaming replica and Redis, as two machines behind a
load balancer would. Locust (headless, loopback only, bounded by --run-time) spreads the visitors
of bench/locustfile.py evenly over the two nodes (bench/nodes_locustfile.py). Mid-run,
bench/publication.py publishes a page in node A's environment and asks each node once for it.

Prints errors (target 0), p50/p95 and requests per second per node, the stale responses after a
publication (target 0), the CPU seconds of each node's workers and of the PostgreSQL servers (the
machine is shared: the load average is printed too), then one JSON line.
"""

import argparse
import csv
import json
import os
import random
import re
import subprocess
import sys
import tempfile
import time
from contextlib import ExitStack
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from django.db import connections  # noqa: E402

from load import urls  # noqa: E402  (sets Django up: reads the page list from the database)
from measure import Clock, emit, machine_line  # noqa: E402
from server import BIN, ROOT, gunicorn, production_env  # noqa: E402

from resources.library.models import ResourcePage  # noqa: E402

REQUIRED = ("DATABASE_URL", "DATABASE_REPLICA_URL", "REDIS_URL")


def seconds(run_time: str) -> int:
    """Locust's duration format (30s, 3m, 1h30m) in seconds."""
    units = {"h": 3600, "m": 60, "s": 1}
    return sum(int(number) * units[unit] for number, unit in re.findall(r"(\d+)([hms])", run_time))


def process_cpu(pid):
    """CPU seconds of a process and of its children, live or exited (a gunicorn master, a postmaster)."""
    import psutil

    process = psutil.Process(pid)
    own = process.cpu_times()
    total = own.user + own.system + own.children_user + own.children_system
    for child in process.children():
        try:
            times = child.cpu_times()
        except psutil.NoSuchProcess:
            continue
        total += times.user + times.system
    return total


def postmaster_pids():
    """The local PostgreSQL servers of the primary and the replica (None when not on this machine)."""
    pids = {}
    for alias in ("default", "replica"):
        with connections[alias].cursor() as cursor:
            cursor.execute("SELECT current_setting('data_directory')")
            pid_file = Path(cursor.fetchone()[0]) / "postmaster.pid"
        pids[alias] = int(pid_file.read_text().split()[0]) if pid_file.exists() else None
    return pids


def per_node(csv_prefix):
    with open(f"{csv_prefix}_stats.csv", newline="") as handle:
        rows = {row["Name"]: row for row in csv.DictReader(handle)}
    return {
        name: {
            "requests": int(row["Request Count"]),
            "errors": int(row["Failure Count"]),
            "p50_ms": float(row["50%"]),
            "p95_ms": float(row["95%"]),
            "rps": round(float(row["Requests/s"]), 1),
        }
        for name, row in rows.items()
    }


def publisher(page, bases, count, start_at, env):
    """bench/publication.py in node A's environment, started now, publishing from `start_at` on."""
    return subprocess.Popen(
        [
            sys.executable,
            str(ROOT / "bench" / "publication.py"),
            "--page",
            str(page),
            "--nodes",
            ",".join(bases),
        ]
        + ["--times", str(count), "--start-at", str(start_at)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def main():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--users", type=int, default=200)
    parser.add_argument("--spawn-rate", type=int, default=20)
    parser.add_argument("--run-time", default="3m", help="durée (format locust : 30s, 3m…)")
    parser.add_argument("--publications", type=int, default=5)
    args = parser.parse_args()
    missing = [name for name in REQUIRED if not os.environ.get(name)]
    if missing:
        raise SystemExit(f"ERREUR : définissez {', '.join(missing)} (primaire, réplique et Redis partagés).")
    clock = Clock()
    workdir = Path(tempfile.mkdtemp(prefix="bench-nodes-"))
    pages = urls(random.Random(10))
    # The published page is one the visitors read too, so it sits in both nodes' page cache.
    published = ResourcePage.objects.live().order_by("pk").first()
    pages["pages"].append(published.url)
    (workdir / "urls.json").write_text(json.dumps(pages, ensure_ascii=False))
    databases = postmaster_pids()

    with ExitStack() as stack:
        nodes = [stack.enter_context(gunicorn())]  # node B serves the static files node A collected
        nodes.append(stack.enter_context(gunicorn(static_root=nodes[0][2])))
        bases = [base for base, _pid, _root in nodes]
        cpu_before = [process_cpu(pid) for _base, pid, _root in nodes]
        db_before = {alias: process_cpu(pid) for alias, pid in databases.items() if pid}
        # The first publication a third into the run, once every visitor has arrived.
        start_at = time.time() + args.users / args.spawn_rate + seconds(args.run_time) / 3
        publishing = publisher(published.pk, bases, args.publications, start_at, production_env(nodes[0][2]))
        locust = subprocess.run(
            [str(BIN / "locust"), "-f", str(ROOT / "bench" / "nodes_locustfile.py"), "--headless"]
            + ["--users", str(args.users), "--spawn-rate", str(args.spawn_rate), "--run-time", args.run_time]
            + ["--csv", str(workdir / "locust"), "--only-summary", "--loglevel", "WARNING"],
            env={
                **os.environ,
                "BENCH_LOCUST_URLS": str(workdir / "urls.json"),
                "BENCH_NODES": ",".join(bases),
            },
            capture_output=True,
            text=True,
            timeout=seconds(args.run_time) + 120,
        )
        out, err = publishing.communicate(timeout=300)
        lines = out.strip().splitlines()
        check = {"returncode": publishing.returncode, "stderr": err[-2000:]}
        check.update(json.loads(lines[-1]) if publishing.returncode == 0 and lines else {})
        cpu_after = [process_cpu(pid) for _base, pid, _root in nodes]
        db_after = {alias: process_cpu(pid) for alias, pid in databases.items() if pid}

    stats = per_node(workdir / "locust")
    total = stats.pop("Aggregated")
    for name, before, after in zip(("nœud A", "nœud B"), cpu_before, cpu_after, strict=True):
        stats.setdefault(name, {})["server_cpu_seconds"] = round(after - before, 1)
    result = {
        "bench": "nodes",
        "users": args.users,
        "run_time": args.run_time,
        "requests": total["requests"],
        "errors": total["errors"],
        "p50_ms": total["p50_ms"],
        "p95_ms": total["p95_ms"],
        "rps": total["rps"],
        "nodes": stats,
        "database_cpu_seconds": {alias: round(db_after[alias] - db_before[alias], 1) for alias in db_after},
        "publications": check.get("publications"),
        "publication_checks": len(check.get("checks", [])),
        "stale_responses": check.get("stale"),
        "publisher_exit_code": check.get("returncode"),
        "locust_exit_code": locust.returncode,
        **clock.figures(),
    }
    print(f"Deux nœuds : {args.users} visiteurs pendant {args.run_time} sur {', '.join(bases)}.")
    print(f"Machine : {machine_line()}.")
    print(
        f"{result['requests']} requêtes, {result['errors']} erreur(s) (cible 0), "
        f"p50 {result['p50_ms']:g} ms, p95 {result['p95_ms']:g} ms, {result['rps']} req/s au total."
    )
    for name, row in stats.items():
        print(
            f"  {name} : {row.get('requests')} requêtes, {row.get('errors')} erreur(s), "
            f"p50 {row.get('p50_ms')} ms, p95 {row.get('p95_ms')} ms, {row.get('rps')} req/s ; "
            f"CPU des workers {row['server_cpu_seconds']} s"
        )
    print(f"CPU de PostgreSQL (primaire, réplique) : {result['database_cpu_seconds']} s.")
    if check.get("returncode") == 0:
        print(
            f"Publication sur le nœud A ({check['publications']} fois, page {check['path']}) : "
            f"{check['stale']} réponse(s) périmée(s) sur {len(check['checks'])} (cible 0), "
            "chaque nœud interrogé une fois juste après."
        )
    else:
        print(f"ERREUR : la publication a échoué :\n{check.get('stderr')}")
    if result["errors"]:
        print((workdir / "locust_failures.csv").read_text())
    print(f"Durée : {result['wall_seconds']} s, CPU du script : {result['cpu_seconds']} s.")
    emit(result)


if __name__ == "__main__":
    main()
