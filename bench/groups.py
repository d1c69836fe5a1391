"""The group list (/groupes/) at 50 and 500 groups: p95 and SQL query count, anonymous and member.

    .venv/bin/python bench/groups.py [--sizes 50 500] [--repeat 30]

For each size, in a child process and a fresh SQLite database in a temporary directory: `migrate`,
`setup_site`, the vocabulary, then `size` groups of every type and visibility, each with 8 members,
tags, an incubator for one in four, and a thread of 6 messages (one hidden) in one group out of two.
An anonymous visitor and a member of 20 groups (« mes groupes » counted) ask for `/groupes/` with
the page cache off. Member counts and activity are annotated on the page of results, so the query
count must be the same at every size; the target is p95 ≤ 100 ms. Prints French lines, then one
JSON line.
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
MEMBERS_PER_GROUP = 8


def fill(size):
    """`size` groups with their members, tags and messages, written in bulk."""
    import itertools
    import random

    from django.utils import timezone

    from community.discussions.models import Message, Thread
    from community.groups.models import Group, GroupKind, GroupVisibility, Membership
    from community.members.membership import activate_member
    from community.members.models import User
    from core.taxonomy.models import Phase, Role, Thematique

    rng = random.Random(16)
    people = [User.objects.create(username=f"bench-{n}", email=f"bench-{n}@beta.gouv.fr") for n in range(60)]
    for person in people:
        activate_member(person)
    kinds = itertools.cycle(GroupKind.values)
    visibilities = itertools.cycle(GroupVisibility.values)
    groups = Group.objects.bulk_create(
        [
            Group(
                name=f"Groupe de travail {n:04d}",
                slug=f"groupe-{n:04d}",
                purpose="Un groupe pour partager nos pratiques, nos modèles et nos questions entre pairs.",
                kind=next(kinds),
                visibility=next(visibilities),
            )
            for n in range(size)
        ]
    )
    phases, roles, thematiques = (
        list(Phase.objects.all()),
        list(Role.objects.all()),
        list(Thematique.objects.all()),
    )
    for group in groups:
        group.phases.add(rng.choice(phases))
        group.roles.add(*rng.sample(roles, 2))
        group.thematiques.add(rng.choice(thematiques))
    Membership.objects.bulk_create(
        [
            Membership(
                group=group,
                user=person,
                role=Membership.Role.COORDINATOR if position == 0 else Membership.Role.MEMBER,
            )
            for index, group in enumerate(groups)
            for position, person in enumerate(rng.sample(people[1:], MEMBERS_PER_GROUP))
        ]
        + [Membership(group=group, user=people[0]) for group in groups[:20]]
    )
    now = timezone.now()
    threads = Thread.objects.bulk_create(
        [Thread(group=group, author=people[1], title=f"Question {group.pk}") for group in groups[::2]]
    )
    Message.objects.bulk_create(
        [
            Message(thread=thread, author=people[2], body="Une réponse.", created_at=now, hidden=number == 5)
            for thread in threads
            for number in range(6)
        ]
    )
    return people[0]


def measure(size, repeat):
    """Runs in the child process: fill the database with `size` groups, then time the list."""
    os.environ["FABRIQUE_PAGE_CACHE"] = "0"
    sys.path.insert(0, str(HERE))
    from measure import PLAIN_STATIC, Clock, setup_django, timed_get

    setup_django(production=True)
    from django.core.management import call_command
    from django.test import Client
    from django.test.utils import override_settings

    from home.demo import load_taxonomies

    clock = Clock()
    call_command("migrate", verbosity=0)
    call_command("setup_site", stdout=open(os.devnull, "w"))  # noqa: SIM115
    load_taxonomies(lambda line: None)
    member = fill(size)
    filled_seconds = clock.figures()["wall_seconds"]
    anonymous, member_client = Client(), Client()
    member_client.force_login(member)
    failure = "« {url} » répond {status} : la mesure s'arrête."
    with override_settings(STORAGES=PLAIN_STATIC):
        anonymous.get("/groupes/")  # warm the site root and settings caches
        anonymous_queries, anonymous_times = timed_get(anonymous, "/groupes/", repeat, failure)
        member_queries, member_times = timed_get(member_client, "/groupes/", repeat, failure)
        filtered_queries, filtered_times = timed_get(
            member_client, "/groupes/?type=club-metier&mes=oui", repeat, failure
        )
    return {
        "groups": size,
        "filled_seconds": filled_seconds,
        "anonymous": {"queries": anonymous_queries, **anonymous_times},
        "member": {"queries": member_queries, **member_times},
        "member_filtered": {"queries": filtered_queries, **filtered_times},
    }


def main():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", type=int, nargs="+", default=[50, 500])
    parser.add_argument("--repeat", type=int, default=30)
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child is not None:
        print(json.dumps(measure(args.child, args.repeat)))
        return
    results = []
    pages = ("anonymous", "member", "member_filtered")
    for size in args.sizes:
        tmp = tempfile.mkdtemp(prefix="fabrique-groups-")
        env = {**os.environ, "DATABASE_URL": f"sqlite:///{tmp}/bench.sqlite3"}
        command = [sys.executable, __file__, "--child", str(size), "--repeat", str(args.repeat)]
        done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            raise SystemExit(f"La mesure à {size} groupes a échoué :\n{done.stderr[-3000:]}")
        result = json.loads(done.stdout.strip().splitlines()[-1])
        results.append(result)
        labels = {
            "anonymous": "anonyme",
            "member": "membre",
            "member_filtered": "membre filtré (type, mes groupes)",
        }
        figures = " ; ".join(
            f"{labels[page]} p95 {result[page]['p95_ms']} ms ({result[page]['cpu_ms_per_request']} ms CPU) "
            f"en {result[page]['queries']} requêtes"
            for page in pages
        )
        print(f"{size} groupes : {figures}")
    flat = all(r[page]["queries"] == results[0][page]["queries"] for r in results for page in pages)
    slowest = max(r[page]["p95_ms"] for r in results for page in pages)
    print(
        "Nombre de requêtes identique à toutes les tailles."
        if flat
        else "ATTENTION : le nombre de requêtes varie."
    )
    print(f"p95 le plus lent : {slowest} ms (objectif ≤ 100 ms).")
    sys.path.insert(0, str(HERE))
    from measure import emit

    emit({"bench": "groups", "results": results, "queries_flat": flat, "slowest_p95_ms": slowest})


if __name__ == "__main__":
    main()
