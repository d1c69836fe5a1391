"""Time `import_gitbook` on the largest shared GitBook export: first run, then re-run (all unchanged).

Runs against a throwaway SQLite database (test settings), so it never touches your data:
    .venv/bin/python bench/import_gitbook.py [EXPORT_DIR]
Prints the figures in French and one JSON line for tracking.
"""

import json
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")


def largest_export():
    guides = ROOT.parent / "shared" / "fixtures" / "guides"
    exports = [d for d in guides.iterdir() if (d / "SUMMARY.md").is_file()]
    return max(exports, key=lambda d: sum(f.stat().st_size for f in d.rglob("*.md")))


def main():
    import django
    from django.conf import settings

    database = Path(tempfile.mkdtemp()) / "bench.sqlite3"
    django.setup()
    settings.DATABASES["default"].update({"ENGINE": "django.db.backends.sqlite3", "NAME": str(database)})
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    call_command("load_demo", "--no-admin", stdout=open(os.devnull, "w"))  # noqa: SIM115

    from resources.guides.gitbook import GitbookImport
    from resources.guides.models import GuideIndexPage

    export = Path(sys.argv[1]) if len(sys.argv) > 1 else largest_export()
    parent = GuideIndexPage.objects.get()
    timings = {}
    cpu = {}
    attachments = {}
    for run in ("first", "rerun"):
        start, cpu_start = time.perf_counter(), time.process_time()
        importer = GitbookImport(export, parent=parent, publish=True, quiet=True)
        report = importer.run()
        timings[run] = (time.perf_counter() - start, report)
        cpu[run] = time.process_time() - cpu_start
        attachments[run] = sum(importer.attachments.created.values())
    first, rerun = timings["first"], timings["rerun"]
    print(f"Export : {export.name} ; charge moyenne : {os.getloadavg()[0]:.1f} pour {os.cpu_count()} cœurs")
    print(
        f"  premier import : {first[0]:.2f} s (CPU {cpu['first']:.1f} s) "
        f"({first[1].created} pages créées, {len(first[1].rejected)} rejetées, "
        f"{attachments['first']} pièces jointes ajoutées)"
    )
    print(
        f"  second import  : {rerun[0]:.2f} s (CPU {cpu['rerun']:.1f} s) "
        f"({rerun[1].unchanged} pages inchangées, {rerun[1].updated} mises à jour, "
        f"{attachments['rerun']} pièces jointes ajoutées)"
    )
    print(
        json.dumps(
            {
                "bench": "import_gitbook",
                "export": export.name,
                "database": "sqlite",
                "first_run_s": round(first[0], 3),
                "rerun_s": round(rerun[0], 3),
                "first_run_cpu_s": round(cpu["first"], 3),
                "rerun_cpu_s": round(cpu["rerun"], 3),
                "attachments_created": attachments["first"],
                "load_average": round(os.getloadavg()[0], 2),
                "pages": first[1].created,
                "rejected": len(first[1].rejected),
                "rerun_unchanged": rerun[1].unchanged,
            }
        )
    )


if __name__ == "__main__":
    main()
