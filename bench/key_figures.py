"""/chiffres/ render time (p50/p95) and SQL queries at 1× and 10× content, with the community's health.

    .venv/bin/python bench/key_figures.py                 # builds 1× and 10× SQLite databases, measures both
    .venv/bin/python bench/key_figures.py --scales 1      # one size only
    DATABASE_URL=postgres://…/bench_10x .venv/bin/python bench/key_figures.py --measure-only

Each size runs in its own process on a fresh database (under /tmp unless DATABASE_URL is given):
`migrate`, `load_demo`, then generated startups (100 × scale) and members (500 × scale, from
bench/generate_content.py), accounts for a third of the members, NPS answers over four quarters,
page feedback (2,000 × scale) and improvement proposals (50 × scale). /chiffres/ is then asked for
with Django's test client, page cache off, DEBUG off. The query count must not grow with the size.
"""

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
BASE = {"startups": 100, "members": 500, "feedback": 2000, "proposals": 50}


def build(scale: int, rng):
    from django.core.management import call_command
    from django.utils import timezone

    from wagtail.models import Page

    from generate_content import generate_members, generate_startups

    from community.feedback.models import PageFeedback
    from community.health.models import NpsAnswer
    from community.health.nps import previous_periods
    from community.members.models import Member, User
    from resources.guides.models import CorrectionProposal, GuidePage

    call_command("migrate", verbosity=0)
    call_command("load_demo", "--no-admin", stdout=open(os.devnull, "w"))  # noqa: SIM115
    generate_startups(BASE["startups"] * scale, rng)
    generate_members(BASE["members"] * scale, rng)
    members = list(Member.objects.filter(user__isnull=True).values_list("pk", flat=True))
    chosen = rng.sample(members, len(members) // 3)
    User.objects.bulk_create(
        [User(username=f"bench-u-{pk}", email=f"bench-u-{pk}@example.org") for pk in chosen]
    )
    users = dict(User.objects.filter(username__startswith="bench-u-").values_list("username", "pk"))
    Member.objects.bulk_update(
        [Member(pk=pk, user_id=users[f"bench-u-{pk}"]) for pk in chosen], ["user_id"], batch_size=1000
    )
    answers = [
        NpsAnswer(user_id=user_id, period=period, score=rng.choice([None, *range(11)]))
        for period in previous_periods(4)
        for user_id in users.values()
        if rng.random() < 0.4
    ]
    NpsAnswer.objects.bulk_create(answers, batch_size=1000)
    pages = list(Page.objects.live().values_list("pk", flat=True))
    now = timezone.now()
    feedback = PageFeedback.objects.bulk_create(
        [
            PageFeedback(page_id=rng.choice(pages), useful=rng.random() < 0.75)
            for _ in range(BASE["feedback"] * scale)
        ],
        batch_size=1000,
    )
    for item in feedback:  # spread over the year (auto_now_add set them all to now)
        item.created_at = now - timezone.timedelta(days=rng.randint(0, 360))
    PageFeedback.objects.bulk_update(feedback, ["created_at"], batch_size=1000)
    guides = list(GuidePage.objects.values_list("pk", flat=True))
    CorrectionProposal.objects.bulk_create(
        [
            CorrectionProposal(
                page_id=rng.choice(guides), author_id=rng.choice(list(users.values())), text="Bench."
            )
            for _ in range(BASE["proposals"] * scale)
        ]
    )
    return {"members": Member.objects.count(), "nps_answers": len(answers), "feedback": len(feedback)}


def measure(repeat: int):
    from django.test import Client
    from django.test.utils import override_settings

    from measure import PLAIN_STATIC, timed_get

    from home.models import KeyFiguresPage

    url = KeyFiguresPage.objects.live().first().url
    with override_settings(
        CACHES={
            "default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"},
            "ratelimit": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
        },
        STORAGES=PLAIN_STATIC,
    ):
        client = Client()
        client.get(url)  # warm-up: content types, site root, templates (counted once per process)
        queries, times = timed_get(client, url, repeat, "/chiffres/ ({url}) répond {status}.")
    return {"url": url, "queries": queries, **times}


def child(args):
    os.environ["FABRIQUE_PAGE_CACHE"] = "0"
    sys.path.insert(0, str(HERE))
    from measure import emit, setup_django

    setup_django(production=True)
    result = {"scale": args.scale}
    if not args.measure_only:
        result.update(build(args.scale, random.Random(args.seed)))
    result.update(measure(args.repeat))
    emit(result)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scales", default="1,10", help="tailles à mesurer, ex. : 1,10")
    parser.add_argument("--scale", type=int, help=argparse.SUPPRESS)  # one size, in a child process
    parser.add_argument("--repeat", type=int, default=30)
    parser.add_argument("--seed", type=int, default=17)
    parser.add_argument("--measure-only", action="store_true", help="mesurer la base configurée telle quelle")
    args = parser.parse_args()
    if args.scale is not None or args.measure_only:
        args.scale = args.scale or 0
        return child(args)
    results = []
    for scale in [int(value) for value in args.scales.split(",")]:
        env = dict(os.environ)
        if "DATABASE_URL" not in env:
            env["DATABASE_URL"] = f"sqlite:///{tempfile.mkdtemp(prefix='fabrique-chiffres-')}/bench.sqlite3"
        command = [
            sys.executable,
            __file__,
            "--scale",
            str(scale),
            "--repeat",
            str(args.repeat),
            "--seed",
            str(args.seed),
        ]
        output = subprocess.run(command, env=env, check=True, capture_output=True, text=True).stdout  # noqa: S603
        result = json.loads(output.strip().splitlines()[-1])
        results.append(result)
        print(
            f"/chiffres/ à {scale}× ({result['members']} membres, {result['nps_answers']} réponses NPS, "
            f"{result['feedback']} avis) : p50 {result['p50_ms']} ms, p95 {result['p95_ms']} ms, "
            f"{result['queries']} requêtes SQL"
        )
    if len(results) > 1 and len({result["queries"] for result in results}) > 1:
        print("Attention : le nombre de requêtes varie avec la taille du contenu.")
    print(json.dumps({"key_figures": results}, ensure_ascii=False))


if __name__ == "__main__":
    main()
