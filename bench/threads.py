"""A discussion thread with 1,000 replies, paginated: p95 per page and SQL queries per page.

    .venv/bin/python bench/threads.py [--repeat 20] [--replies 1000]
    DATABASE_URL=postgres://… .venv/bin/python bench/threads.py

Builds (once, keyed by the group slug « bench-discussions ») a public group, its member and a
thread of `--replies` replies, then reads its first, middle and last pages and a 10-message thread
as a member of the group. The query count must not grow with the number of messages (each page
shows 50 of them); target: p95 ≤ 50 ms. Migrates the configured database first if needed.
"""

import argparse
import sys
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from measure import PLAIN_STATIC, Clock, emit, machine_line, setup_django, timed_get  # noqa: E402

setup_django(production=True)

from django.contrib.auth import get_user_model  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client, override_settings  # noqa: E402
from django.utils import timezone  # noqa: E402

from community.discussions.markup import render  # noqa: E402
from community.discussions.models import Message, Thread  # noqa: E402
from community.discussions.posting import MESSAGES_PER_PAGE  # noqa: E402
from community.groups.models import Group, Membership  # noqa: E402
from community.members.membership import activate_member  # noqa: E402

TARGET_MS = 50


def build(replies: int):
    """The group, its member and two threads: `replies` + 1 messages, and 10 messages."""
    user, _ = get_user_model().objects.get_or_create(
        username="bench-discussions",
        defaults={"email": "bench-discussions@beta.gouv.fr", "first_name": "Bench"},
    )
    activate_member(user)
    group, _ = Group.objects.get_or_create(
        slug="bench-discussions", defaults={"name": "Bench des discussions", "purpose": "Mesurer."}
    )
    Membership.objects.get_or_create(group=group, user=user)
    threads = {}
    for title, count in (("Fil long", replies + 1), ("Fil court", 10)):
        thread, _ = Thread.objects.get_or_create(group=group, title=title, defaults={"author": user})
        missing = count - thread.messages.count()
        if missing > 0:
            body = "Une réponse avec **du gras**, un [lien](https://beta.gouv.fr/) et @bench-discussions."
            html, _ = render(body)
            start = timezone.now() - timedelta(days=1)
            Message.objects.bulk_create(
                Message(
                    thread=thread,
                    author=user,
                    body=body,
                    body_html=html,
                    created_at=start + timedelta(seconds=n),
                )
                for n in range(missing)
            )
        threads[title] = thread
    return user, threads


def main():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--replies", type=int, default=1000)
    args = parser.parse_args()
    call_command("migrate", verbosity=0)
    clock = Clock()
    user, threads = build(args.replies)
    client = Client(HTTP_HOST="localhost")
    client.force_login(user)
    long_thread = threads["Fil long"]
    last = -(-long_thread.messages.count() // MESSAGES_PER_PAGE)
    views = {
        "fil court (10 messages)": threads["Fil court"].get_absolute_url(),
        f"fil long, page 1 ({long_thread.messages.count()} messages)": long_thread.get_absolute_url(),
        f"fil long, page {last // 2}": f"{long_thread.get_absolute_url()}?page={last // 2}",
        f"fil long, page {last} (dernière)": f"{long_thread.get_absolute_url()}?page={last}",
    }
    rows = {}
    with override_settings(STORAGES=PLAIN_STATIC):
        for name, url in views.items():
            client.get(url)  # warm
            queries, figures = timed_get(client, url, args.repeat, "{url} a répondu {status}.")
            rows[name] = {"url": url, "queries": queries, **figures}
    result = {
        "bench": "threads",
        "vendor": connection.vendor,
        "views": rows,
        "target_ms": TARGET_MS,
        **clock.figures(),
    }
    print(f"Fil de discussion paginé par {MESSAGES_PER_PAGE} ({machine_line()}, {connection.vendor}).")
    print(f"{'vue':42} {'p50':>8} {'p95':>8} {'CPU/req':>9} {'SQL':>5}")
    for name, row in rows.items():
        flag = "" if row["p95_ms"] <= TARGET_MS else "  ← au-dessus de 50 ms"
        print(
            f"{name:42} {row['p50_ms']:>6} ms {row['p95_ms']:>6} ms {row['cpu_ms_per_request']:>6} ms "
            f"{row['queries']:>5}{flag}"
        )
    emit(result)


if __name__ == "__main__":
    main()
