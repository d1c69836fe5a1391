"""HTML weight of one page of each type at 1× and 10× content (issue #19: listings under 100 KB at 10×).

    .venv/bin/python bench/html_weight.py [--scales 1,10]
    DATABASE_URL=postgres://…/bench_10x .venv/bin/python bench/html_weight.py --here

For each scale, a fresh SQLite database (kept and reused with --keep DIR) is filled by
bench/populate.py --scale N (demo, real fixtures, generated guides, resources, startups and
members), then the sponsors are widened: N-1 copies of every organisation, each sponsoring generated
startups, so the directory's sponsor facet lists N× as many as the real sample (145 at 1×). Each
page is then asked for anonymously (the member directory by a signed-in member), with the page
cache off, and its HTML weight printed in KB (what the server sends before compression, as the
issue counts it). `--here` measures the database of
DATABASE_URL as it is. A listing over 100 KB is flagged; the sponsor facet shown in full (« voir
plus ») is printed for information: a visitor asked for the whole list.
"""

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
LISTING_LIMIT_KB = 100


def pages():
    """(name, kind, url, signed in): kind "listing" has the 100 KB target, "full" none."""
    from community.members.models import Member
    from community.onboarding.models import OnboardingPathPage, RoleIndexPage, RolePage
    from community.startups.models import IncubatorIndexPage, IncubatorPage, StartupIndexPage, StartupPage
    from core.taxonomy.models import Phase
    from resources.guides.models import GuideIndexPage, GuidePage
    from resources.library.models import ResourceIndexPage, ResourcePage

    def first(model, order="path", **filters):
        return model.objects.live().public().filter(**filters).order_by(order, "path").first().url

    startups, resources = first(StartupIndexPage), first(ResourceIndexPage)
    phase = Phase.objects.order_by("order").values_list("slug", flat=True)[1]
    member = Member.objects.exclude(slug__startswith="bench-").order_by("slug").first()
    return [
        ("accueil", "listing", "/", False),
        ("annuaire des startups", "listing", startups, False),
        ("annuaire filtré", "listing", f"{startups}?phase={phase}&tri=recent", False),
        ("annuaire, sponsors en entier", "full", f"{startups}?voir=sponsor", False),
        ("startup", "detail", first(StartupPage, source_key__gt=""), False),
        ("incubateurs", "listing", first(IncubatorIndexPage), False),
        ("incubateur", "detail", first(IncubatorPage, source_key__gt=""), False),
        ("guides", "listing", first(GuideIndexPage), False),
        ("page de guide", "detail", first(GuidePage, "-depth", source_key__gt=""), False),
        ("ressources", "listing", resources, False),
        ("ressources filtrées", "listing", f"{resources}?phase={phase}", False),
        ("ressource", "detail", first(ResourcePage, slug__startswith="bench-"), False),
        ("recherche", "listing", "/recherche/?q=startup", False),
        ("rôles", "listing", first(RoleIndexPage), False),
        ("rôle", "detail", first(RolePage), False),
        ("parcours d'arrivée", "detail", first(OnboardingPathPage), False),
        ("annuaire des membres", "listing", "/membres/", True),
        ("fiche de membre", "detail", f"/membres/{member.slug}/", False),
    ]


def widen_sponsors(scale: int, seed: int = 10):
    """N-1 copies of each organisation, each sponsoring 1 to 3 generated startups."""
    child_setup()
    from django.db import transaction

    from community.startups.models import Organisation, StartupPage

    generated = list(StartupPage.objects.filter(slug__startswith="bench-").values_list("pk", flat=True))
    if scale <= 1 or not generated:
        return 0
    rng = random.Random(seed)
    originals = list(Organisation.objects.order_by("slug").values_list("slug", "name"))
    copies = [
        Organisation(slug=f"{slug}-copie-{n}", name=f"{name} ({n})")
        for n in range(2, scale + 1)
        for slug, name in originals
    ]
    through = StartupPage.sponsors.through
    with transaction.atomic():
        created = Organisation.objects.bulk_create(copies, batch_size=500)
        links = {
            (startup, organisation.pk)
            for organisation in created
            for startup in rng.sample(generated, min(len(generated), rng.randint(1, 3)))
        }
        through.objects.bulk_create(
            [through(startuppage_id=startup, organisation_id=org) for startup, org in sorted(links)],
            batch_size=500,
        )
    return len(created)


def child_setup():
    """In a child process: DATABASE_URL is set, Django not yet."""
    sys.path.insert(0, str(HERE))
    os.environ["FABRIQUE_PAGE_CACHE"] = "0"
    from measure import setup_django

    setup_django(production=True)


def measure() -> dict:
    child_setup()
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group
    from django.test import Client
    from django.test.utils import override_settings

    from measure import PLAIN_STATIC

    from community.startups.models import Organisation, StartupPage

    anonymous = Client(HTTP_HOST="localhost")
    member = Client(HTTP_HOST="localhost")
    user, _ = get_user_model().objects.get_or_create(
        username="bench-poids", defaults={"email": "p@beta.gouv.fr"}
    )
    user.groups.add(Group.objects.get(name="Membres"))
    member.force_login(user)
    rows = {}
    dummy = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}
    with override_settings(CACHES=dummy, STORAGES=PLAIN_STATIC):
        for name, kind, url, signed_in in pages():
            response = (member if signed_in else anonymous).get(url)
            assert response.status_code == 200, f"{url} a répondu {response.status_code}"
            rows[name] = {"url": url, "kind": kind, "kb": round(len(response.content) / 1024, 1)}
    return {"sponsors": Organisation.objects.count(), "startups": StartupPage.objects.count(), "pages": rows}


def child(env, *args) -> str:
    """The last line this script prints when run with `args` in a fresh process."""
    done = subprocess.run([sys.executable, __file__, *args], env=env, capture_output=True, text=True)
    if done.returncode:
        raise SystemExit(f"{' '.join(args)} a échoué :\n{done.stderr[-3000:]}")
    return done.stdout.strip().splitlines()[-1] if done.stdout.strip() else ""


def fill(scale: int, database: Path):
    """A fresh SQLite database at `scale`: bench/populate.py, then the widened sponsors."""
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{database}"}
    print(f"→ {scale}× : remplissage (bench/populate.py --scale {scale})…", file=sys.stderr)
    subprocess.run(
        [sys.executable, str(HERE / "populate.py"), "--scale", str(scale)],
        env=env,
        check=True,
        stdout=subprocess.DEVNULL,
    )
    child(env, "--widen", str(scale))


def main():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--scales", default="1,10")
    parser.add_argument("--here", action="store_true", help="mesurer la base de DATABASE_URL telle quelle")
    parser.add_argument("--keep", metavar="DOSSIER", help="garder les bases SQLite remplies dans ce dossier")
    parser.add_argument("--measure", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--widen", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        print(json.dumps(measure(), ensure_ascii=False))
        return
    if args.widen is not None:
        widen_sponsors(args.widen)
        return
    results = []
    if args.here:
        results.append({"scale": "base", **json.loads(child(dict(os.environ), "--measure"))})
    else:
        folder = Path(args.keep or tempfile.mkdtemp(prefix="bench-poids-"))
        folder.mkdir(parents=True, exist_ok=True)
        try:
            for scale in [int(value) for value in args.scales.split(",")]:
                database = folder / f"poids-{scale}x.sqlite3"
                if not database.exists():
                    fill(scale, database)
                env = {**os.environ, "DATABASE_URL": f"sqlite:///{database}"}
                results.append({"scale": f"{scale}×", **json.loads(child(env, "--measure"))})
        finally:
            if not args.keep:
                shutil.rmtree(folder, ignore_errors=True)
    print("Poids HTML (Ko, avant compression)")
    print(f"{'':30}" + "".join(f"{r['scale']:>10}" for r in results))
    print(
        f"{'(startups / sponsors)':30}" + "".join(f"{r['startups']:>5}/{r['sponsors']:<4}" for r in results)
    )
    over = []
    for name, row in results[0]["pages"].items():
        heavy = row["kind"] == "listing" and any(r["pages"][name]["kb"] >= LISTING_LIMIT_KB for r in results)
        over += [name] if heavy else []
        note = "  (liste complète demandée)" if row["kind"] == "full" else ""
        note = f"  ← liste au-dessus de {LISTING_LIMIT_KB} Ko" if heavy else note
        print(f"{name:30}" + "".join(f"{r['pages'][name]['kb']:>10}" for r in results) + note)
    print("Toutes les listes sous 100 Ko." if not over else f"Au-dessus de la cible : {', '.join(over)}")
    print(json.dumps(results, ensure_ascii=False))


if __name__ == "__main__":
    main()
