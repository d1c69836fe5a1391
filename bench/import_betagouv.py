"""Time the beta.gouv.fr import: a first import, then a re-run that changes nothing.

    .venv/bin/python bench/import_betagouv.py [DIR] [--copies N] [--database-url URL]

DIR defaults to ../shared/fixtures/betagouv. `--copies N` writes each startup fiche N times under
new names in a temporary copy of DIR (157 × 6 ≈ 1,000 startups, about the real collection).
Without `--database-url`, a fresh SQLite database in a temporary directory is used; a PostgreSQL
database given with `--database-url` must hold no startup yet (create an empty one). Prints both
durations, wall clock and this process's CPU time (the database server's own time is in the wall
clock only), with the machine's load average, in French, then one JSON line for scripts.

DEBUG is off by default, as in a production cron run: the bench loads `config.settings.test`
(temporary media and storage) but sets `settings.DEBUG = False` once Django is set up, because
with DEBUG on Django's SQLite cursor runs one more `SELECT QUOTE(…)` per statement to log it
(about 7 % of a first import). `--debug` keeps DEBUG on, as the figures measured before
1 December 2026 were (compare like with like). The output says which (« DEBUG : non »).
"""

import argparse
import json
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DIR = ROOT.parent / "shared" / "fixtures" / "betagouv"


def replicate(source: Path, target: Path, copies: int) -> int:
    """A copy of `source` where every startup fiche exists `copies` times under distinct names."""
    shutil.copytree(source, target)
    startups = target / "startups"
    originals = sorted(p for p in startups.iterdir() if p.is_file())
    for path in originals:
        text = path.read_bytes()
        stem = path.name[:-3] if path.name.endswith(".md") else path.name
        for n in range(2, copies + 1):
            (startups / f"{stem}-copie-{n}.md").write_bytes(text)
    return len(list(startups.iterdir()))


def main():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("directory", nargs="?", default=str(DEFAULT_DIR))
    parser.add_argument("--copies", type=int, default=1, help="fois que chaque fiche startup est écrite")
    parser.add_argument("--database-url", help="base à utiliser (par défaut : SQLite temporaire)")
    parser.add_argument(
        "--debug", action="store_true", help="garder DEBUG actif (requêtes journalisées, plus lent)"
    )
    args = parser.parse_args()

    workdir = Path(tempfile.mkdtemp(prefix="bench-betagouv-"))
    try:
        directory = Path(args.directory)
        if args.copies > 1:
            directory = workdir / "content"
            replicate(Path(args.directory), directory, args.copies)
        os.environ["DATABASE_URL"] = args.database_url or f"sqlite:///{workdir / 'bench.sqlite3'}"
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")
        sys.path.insert(0, str(ROOT))
        import django

        django.setup()
        from django.conf import settings
        from django.core.management import call_command
        from django.db import connection

        from community.startups.betagouv import import_betagouv
        from community.startups.models import StartupPage
        from home.site import setup_site

        call_command("migrate", verbosity=0)
        settings.DEBUG = args.debug  # read per statement by Django's cursor: off as in production
        home = setup_site()
        startups = len(list((directory / "startups").iterdir()))
        if StartupPage.objects.exists():
            sys.exit("La base contient déjà des startups : il faut une base vide.")

        started, cpu = time.perf_counter(), time.process_time()
        first = import_betagouv(directory, home, publish=True)
        first_seconds, first_cpu = time.perf_counter() - started, time.process_time() - cpu
        started, cpu = time.perf_counter(), time.process_time()
        second = import_betagouv(directory, home, publish=True)
        second_seconds, second_cpu = time.perf_counter() - started, time.process_time() - cpu

        load = os.getloadavg()[0]
        print(f"Base : {connection.vendor} ; charge moyenne : {load:.1f} pour {os.cpu_count()} cœurs")
        print(f"DEBUG : {'oui' if args.debug else 'non'}")
        print(f"Fiches startups : {startups}")
        print(
            f"Premier import : {first_seconds:.1f} s (CPU {first_cpu:.1f} s) "
            f"({first.created} créés, {first.updated} mis à jour, {len(first.rejected)} rejetés)"
        )
        print(
            f"Ré-import sans changement : {second_seconds:.1f} s (CPU {second_cpu:.1f} s) "
            f"({second.unchanged} inchangés)"
        )
        print(
            json.dumps(
                {
                    "database": connection.vendor,
                    "load_average": round(load, 2),
                    "debug": args.debug,
                    "startups": startups,
                    "first_import_s": round(first_seconds, 2),
                    "rerun_s": round(second_seconds, 2),
                    "first_import_cpu_s": round(first_cpu, 2),
                    "rerun_cpu_s": round(second_cpu, 2),
                    "created": first.created,
                    "rerun_unchanged": second.unchanged,
                    "rerun_changed": second.created + second.updated,
                }
            )
        )
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
