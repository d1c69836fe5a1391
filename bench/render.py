"""Uncached render time (p50/p95) and SQL queries of each page type, through the full Django stack.

    DATABASE_URL=postgres://…/bench_1x  .venv/bin/python bench/render.py [--repeat 30]
    DATABASE_URL=postgres://…/bench_10x .venv/bin/python bench/render.py --compare resultat_1x.json

Every page is requested with Django's test client (middleware, templates, context processors),
with the cache disabled: `FABRIQUE_PAGE_CACHE=0` and a DummyCache override, so each request renders.
The pages chosen exist at every size (demo and real fixtures, never generated ones), so query counts
compare across databases: they must be the same at 1× and 10× (`--compare` checks it against the JSON
line of an earlier run). Targets at 10× on PostgreSQL: detail pages p95 < 50 ms, listings and search
p95 < 100 ms.
"""

import argparse
import json
import os
import sys
from pathlib import Path

os.environ["FABRIQUE_PAGE_CACHE"] = "0"
sys.path.insert(0, str(Path(__file__).resolve().parent))
from measure import PLAIN_STATIC, Clock, emit, machine_line, setup_django, timed_get  # noqa: E402

setup_django(production=True)

from django.contrib.auth import get_user_model  # noqa: E402
from django.contrib.auth.models import Group  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import override_settings  # noqa: E402

from community.members.models import Member  # noqa: E402
from community.onboarding.models import OnboardingPathPage, RolePage  # noqa: E402
from community.startups.models import StartupIndexPage, StartupPage  # noqa: E402
from core.taxonomy.models import Phase  # noqa: E402
from resources.guides.models import GuidePage  # noqa: E402
from resources.library.models import ResourceIndexPage, ResourcePage  # noqa: E402

DUMMY_CACHE = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}
DETAIL_TARGET_MS, LISTING_TARGET_MS = 50, 100


def pages():
    """(name, kind, url, logged in) for each page type; `kind` picks the target."""
    phases = list(Phase.objects.order_by("order").values_list("slug", flat=True))
    phase = phases[1] if len(phases) > 1 else phases[0]
    startups = StartupIndexPage.objects.first().url
    resources = ResourceIndexPage.objects.first().url
    guide = GuidePage.objects.live().exclude(source_key="").order_by("-depth", "path").first()
    startup = StartupPage.objects.live().exclude(source_key="").order_by("title").first()
    resource = ResourcePage.objects.live().exclude(slug__startswith="bench-").order_by("path").first()
    member = Member.objects.exclude(slug__startswith="bench-").order_by("slug").first()
    return [
        ("accueil", "listing", "/", False),
        ("page de guide", "detail", guide.url, False),
        ("annuaire des startups", "listing", startups, False),
        ("annuaire filtré", "listing", f"{startups}?phase={phase}&tri=recent", False),
        ("startup", "detail", startup.url, False),
        ("ressources filtrées", "listing", f"{resources}?phase={phase}&type=modele", False),
        ("ressource", "detail", resource.url, False),
        ("recherche", "listing", "/recherche/?q=recrutement", False),
        ("rôle", "detail", RolePage.objects.live().order_by("path").first().url, False),
        (
            "parcours d'arrivée",
            "detail",
            OnboardingPathPage.objects.live().order_by("path").first().url,
            False,
        ),
        ("annuaire des membres", "listing", "/membres/", True),
        ("fiche de membre", "detail", f"/membres/{member.slug}/", False),
    ]


def member_client():
    """A signed-in member (the member directory is for members only)."""
    user, _ = get_user_model().objects.get_or_create(
        username="bench-membre", defaults={"email": "b@beta.gouv.fr"}
    )
    user.groups.add(Group.objects.get(name="Membres"))
    client = Client(HTTP_HOST="localhost")
    client.force_login(user)
    return client


def measure(client, url, repeat):
    return timed_get(client, url, repeat, "{url} a répondu {status} : base remplie avec bench/populate.py ?")


def main():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--repeat", type=int, default=30)
    parser.add_argument("--compare", help="fichier contenant la ligne JSON d'un autre passage (ex. à 1×)")
    args = parser.parse_args()
    clock = Clock()
    anonymous, member = Client(HTTP_HOST="localhost"), member_client()
    rows = {}
    with override_settings(CACHES=DUMMY_CACHE, STORAGES=PLAIN_STATIC):
        for name, kind, url, logged_in in pages():
            client = member if logged_in else anonymous
            client.get(url)  # warm Python-level caches (templates, content types)
            queries, times = measure(client, url, args.repeat)
            target = DETAIL_TARGET_MS if kind == "detail" else LISTING_TARGET_MS
            rows[name] = {"url": url, "queries": queries, "target_ms": target, **times}

    result = {
        "bench": "render",
        "vendor": connection.vendor,
        "pages_total": GuidePage.objects.count() + ResourcePage.objects.count() + StartupPage.objects.count(),
        "resources": ResourcePage.objects.count(),
        "pages": rows,
        **clock.figures(),
    }
    earlier = None
    if args.compare:
        lines = [line for line in Path(args.compare).read_text().splitlines() if line.startswith("{")]
        earlier = json.loads(lines[-1])["pages"]

    print(f"Rendu sans cache, {result['vendor']}, {result['resources']} ressources ({machine_line()}).")
    print(
        f"{'page':24} {'p50':>8} {'p95':>8} {'cible':>7} {'CPU/req':>9} {'SQL':>5}"
        + ("  SQL avant" if earlier else "")
    )
    for name, row in rows.items():
        flag = "" if row["p95_ms"] <= row["target_ms"] else "  ← au-dessus de la cible"
        before = ""
        if earlier and name in earlier:
            same = earlier[name]["queries"] == row["queries"]
            before = f"  {earlier[name]['queries']:>5}" + ("" if same else "  ← le nombre de requêtes varie")
        print(
            f"{name:24} {row['p50_ms']:>6} ms {row['p95_ms']:>6} ms {row['target_ms']:>4} ms "
            f"{row['cpu_ms_per_request']:>6} ms {row['queries']:>5}{before}{flag}"
        )
    print(f"Durée : {result['wall_seconds']} s, CPU du processus : {result['cpu_seconds']} s.")
    if earlier:
        result["queries_equal_to_compared"] = all(
            earlier[name]["queries"] == row["queries"] for name, row in rows.items() if name in earlier
        )
    emit(result)


if __name__ == "__main__":
    main()
