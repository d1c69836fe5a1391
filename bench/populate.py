"""Fill a database with a realistic data set: the demo, the real fixtures, then generated content.

    DATABASE_URL=postgres://… .venv/bin/python bench/populate.py --scale 10
    DATABASE_URL=postgres://… .venv/bin/python bench/populate.py --resources 10000 --guides 500 \
        --members 5000 --startups 1000

Steps: `migrate`, `load_demo`, `import_betagouv --publish` of ../shared/fixtures/betagouv, `import_gitbook
--publish` of each export in ../shared/fixtures/guides/, then generated resources, guides, startups
(with phases and missions) and members. 1× (`--scale 1`, the default) is BASE below; an explicit count
overrides the scaled one. Generated pages are written in bulk by bench/generate_resources.py and
bench/generate_content.py (tree paths computed there, one INSERT per table and chunk, no revision: they
are published content for visitors and search), then indexed for search through the search backend in
bulk at the end.

The generated content carries the `bench-` slug prefix: a second run on the same database refuses
(the fixtures and demo steps are idempotent, the generated part is not) and says so.
"""

import argparse
import json
import os
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))  # bench/ itself, for the generate_* modules
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402

from wagtail.models import Page  # noqa: E402
from wagtail.search.backends import get_search_backend  # noqa: E402

import generate_resources  # noqa: E402
from generate_content import generate_guides, generate_members, generate_startups  # noqa: E402
from generate_resources import CHUNK, SLUG_PREFIX  # noqa: E402

from community.members.models import Member  # noqa: E402
from community.startups.models import StartupPage  # noqa: E402
from resources.guides.models import GuidePage  # noqa: E402
from resources.library.models import ResourcePage  # noqa: E402

FIXTURES = Path(__file__).resolve().parent.parent.parent / "shared" / "fixtures"
BASE = {"resources": 1000, "guides": 50, "members": 500, "startups": 100}


def _index(model, pks):
    """Index pages or members for search in bulk (what a publish does one by one)."""
    backend = get_search_backend()
    for first in range(0, len(pks), CHUNK):
        objects = list(model.objects.filter(pk__in=pks[first : first + CHUNK]))
        if hasattr(model, "search_body_text"):
            for obj in objects:
                # As in generate_resources: derive the body text once instead of once per index column.
                text = obj.search_body_text()
                obj.search_body_text = lambda text=text: text
        backend.add_bulk(model, objects)


def load_fixtures(log):
    """The demo and the real fixtures, through the same commands an administrator runs."""
    call_command("migrate", verbosity=0)
    call_command("load_demo", "--no-admin", stdout=log)
    call_command("import_betagouv", str(FIXTURES / "betagouv"), "--publish", stdout=log)
    for export in sorted(p for p in (FIXTURES / "guides").iterdir() if (p / "SUMMARY.md").is_file()):
        call_command("import_gitbook", str(export), "--publish", stdout=log)


def main():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--scale", type=float, default=1, help=f"multiple du contenu de base ({BASE})")
    for name in BASE:
        parser.add_argument(f"--{name}", type=int, help=f"nombre de {name} générés (remplace --scale)")
    parser.add_argument("--seed", type=int, default=10)
    parser.add_argument("--skip-fixtures", action="store_true", help="ne pas charger démo et fixtures")
    args = parser.parse_args()
    counts = {
        name: getattr(args, name) if getattr(args, name) is not None else round(base * args.scale)
        for name, base in BASE.items()
    }

    already = 0
    if _has_tables():
        already = Page.objects.filter(slug__startswith=SLUG_PREFIX).count()
        already += Member.objects.filter(slug__startswith=SLUG_PREFIX).count()
    if already:
        raise SystemExit(
            f"Cette base contient déjà {already} contenu(s) généré(s) (identifiants « {SLUG_PREFIX}… ») : "
            "populate ne s'applique qu'une fois. Utilisez une base vide (createdb) ou supprimez-la."
        )
    wall, cpu = time.perf_counter(), time.process_time()
    timings = {}
    rng = random.Random(args.seed)
    log = open("/dev/null", "w") if not sys.stderr.isatty() else sys.stderr  # noqa: SIM115

    def step(name, func, *a):
        tick = time.perf_counter()
        print(f"→ {name}…", file=sys.stderr)
        result = func(*a)
        timings[name] = round(time.perf_counter() - tick, 1)
        return result

    if not args.skip_fixtures:
        step("démo et fixtures réelles", load_fixtures, log)
    step("ressources", generate_resources.generate, counts["resources"], args.seed)
    guides = step("guides", generate_guides, counts["guides"], rng)
    startups = step("startups", generate_startups, counts["startups"], rng)
    members = step("membres", generate_members, counts["members"], rng)
    step(
        "index de recherche",
        lambda: (_index(GuidePage, guides), _index(StartupPage, startups), _index(Member, members)),
    )
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE") if connection.vendor == "postgresql" else None

    totals = {
        "pages": Page.objects.count(),
        "resources": ResourcePage.objects.count(),
        "guides": GuidePage.objects.count(),
        "startups": StartupPage.objects.count(),
        "members": Member.objects.count(),
    }
    result = {
        "bench": "populate",
        "vendor": connection.vendor,
        "generated": counts,
        "totals": totals,
        "steps_seconds": timings,
        "wall_seconds": round(time.perf_counter() - wall, 1),
        "cpu_seconds": round(time.process_time() - cpu, 1),
    }
    print(
        f"Base remplie en {result['wall_seconds']} s (CPU {result['cpu_seconds']} s) : "
        f"{totals['pages']} pages, dont {totals['resources']} ressources, {totals['guides']} pages de guide, "
        f"{totals['startups']} startups ; {totals['members']} membres."
    )
    print("Étapes : " + ", ".join(f"{name} {seconds} s" for name, seconds in timings.items()))
    print(json.dumps(result, ensure_ascii=False))


def _has_tables():
    return Member._meta.db_table in connection.introspection.table_names()


if __name__ == "__main__":
    main()
