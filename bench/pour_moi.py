"""« Pour moi » at 1× and 10× content: p95 and SQL query count of a member's page and of the picker.

    .venv/bin/python bench/pour_moi.py [--scales 1 10] [--repeat 30]

For each scale, in a child process and a fresh SQLite database in a temporary directory: `migrate`,
`load_demo`, then the generated content of bench/populate.py at that scale (1× = 1,000 resources,
50 guide pages, 100 startups, 500 members with their missions, every mission given a role), through
the same bulk generators. A member with a running mission on a startup of the most tagged phase, who
has opened a third of their guides, then asks for `/pour-moi/` (logged in: personal, never cached);
an anonymous visitor asks for `/pour-moi/?role=…&phase=…` with the page cache off, so both render.
The query counts must be the same at every scale. Prints French lines, then one JSON line.
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
BASE = {"resources": 1000, "guides": 50, "startups": 100, "members": 500}


def measure(scale, repeat):
    """Runs in the child process: fill the database at `scale`, then time the two pages."""
    os.environ["FABRIQUE_PAGE_CACHE"] = "0"
    sys.path.insert(0, str(HERE))
    from measure import PLAIN_STATIC, Clock, setup_django, timed_get

    setup_django(production=True)
    import random

    from django.core.management import call_command
    from django.test import Client
    from django.test.utils import override_settings
    from django.utils import timezone

    import generate_resources
    from generate_content import generate_guides, generate_members, generate_startups

    from community.members.membership import activate_member
    from community.members.models import Mission, User
    from community.onboarding.models import GuideOpening
    from community.onboarding.suggestions import guides_for
    from community.startups.models import StartupPage
    from core.taxonomy.models import Phase, Role

    clock = Clock()
    call_command("migrate", verbosity=0)
    call_command("load_demo", "--no-admin", stdout=open(os.devnull, "w"))  # noqa: SIM115
    rng = random.Random(15)
    counts = {name: round(base * scale) for name, base in BASE.items()}
    generate_resources.generate(counts["resources"], 15)
    generate_guides(counts["guides"], rng)
    generate_startups(counts["startups"], rng)
    generate_members(counts["members"], rng)
    roles = list(Role.objects.order_by("pk"))
    mission_ids = list(Mission.objects.filter(role__isnull=True).values_list("pk", flat=True))
    for position, role in enumerate(roles):
        Mission.objects.filter(pk__in=mission_ids[position :: len(roles)]).update(role=role)
    filled_seconds = clock.figures()["wall_seconds"]

    # The member: the role × phase pair with the most guides, on a live startup now in that phase.
    occupied = set(StartupPage.objects.live().values_list("current_phase_id", flat=True))
    pairs = [(role, phase) for role in Role.objects.all() for phase in Phase.objects.filter(pk__in=occupied)]
    role, phase = max(pairs, key=lambda pair: (guides_for(*pair).count(), -pair[0].pk, -pair[1].pk))
    startup = StartupPage.objects.live().filter(current_phase=phase).order_by("pk").first()
    user = User.objects.create(username="bench-pour-moi", email="bench-pour-moi@beta.gouv.fr")
    member = activate_member(user)
    member.roles.add(role)
    Mission.objects.create(member=member, startup=startup, role=role, start=timezone.localdate())
    guides = list(guides_for(role, phase).order_by("path").values_list("pk", flat=True))
    GuideOpening.objects.bulk_create(
        [GuideOpening(user=user, page_id=pk, opened_at=timezone.now()) for pk in guides[::3]]
    )
    member_client, anonymous = Client(), Client()
    member_client.force_login(user)
    failure = "« {url} » répond {status} : la mesure s'arrête."
    picker = f"/pour-moi/?role={role.slug}&phase={phase.slug}"
    with override_settings(STORAGES=PLAIN_STATIC):
        member_client.get("/pour-moi/")  # warm the site root and settings caches
        member_queries, member_times = timed_get(member_client, "/pour-moi/", repeat, failure)
        picker_queries, picker_times = timed_get(anonymous, picker, repeat, failure)
    return {
        "scale": scale,
        "generated": counts,
        "pair": {"role": role.slug, "phase": phase.slug, "guides": len(guides)},
        "filled_seconds": filled_seconds,
        "member": {"queries": member_queries, **member_times},
        "picker": {"queries": picker_queries, **picker_times},
    }


def main():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--scales", type=float, nargs="+", default=[1, 10])
    parser.add_argument("--repeat", type=int, default=30)
    parser.add_argument("--child", type=float, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child is not None:
        print(json.dumps(measure(args.child, args.repeat)))
        return
    results = []
    for scale in args.scales:
        tmp = tempfile.mkdtemp(prefix="fabrique-pour-moi-")
        env = {**os.environ, "DATABASE_URL": f"sqlite:///{tmp}/bench.sqlite3"}
        command = [sys.executable, __file__, "--child", str(scale), "--repeat", str(args.repeat)]
        done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            raise SystemExit(f"La mesure à {scale:g}× a échoué :\n{done.stderr[-3000:]}")
        result = json.loads(done.stdout.strip().splitlines()[-1])
        results.append(result)
        pair, made = result["pair"], result["generated"]
        print(
            f"{scale:g}× ({made['resources']} ressources, {made['guides']} pages de guide, "
            f"{made['members']} membres ; {pair['guides']} guides pour "
            f"{pair['role']} × {pair['phase']}) : "
            f"membre p95 {result['member']['p95_ms']} ms en {result['member']['queries']} requêtes ; "
            f"sélecteur anonyme p95 {result['picker']['p95_ms']} ms en {result['picker']['queries']} requêtes"
        )
    flat = all(
        r[page]["queries"] == results[0][page]["queries"] for r in results for page in ("member", "picker")
    )
    print(
        "Nombre de requêtes identique à toutes les tailles."
        if flat
        else "ATTENTION : le nombre de requêtes varie."
    )
    sys.path.insert(0, str(HERE))
    from measure import emit

    emit({"bench": "pour_moi", "results": results, "queries_flat": flat})


if __name__ == "__main__":
    main()
