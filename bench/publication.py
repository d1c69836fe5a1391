"""Publishes a page on node A while visitors load both nodes, then asks each node once for it.

    DATABASE_URL=… DATABASE_REPLICA_URL=… REDIS_URL=… python bench/publication.py \
        --page 123 --nodes http://127.0.0.1:8001,http://127.0.0.1:8002 [--times 5 --interval 10]

Run by bench/nodes.py in node A's environment (its settings, database, replica and Redis), so the
publication is exactly what node A's admin does: a new revision, published (`Revision.publish`),
whose signals bump the shared page cache and note the primary's WAL position (core/caching,
core/replica.py). Before each publication the page is read twice on each node (so it sits in the
page cache); right after it, each node is asked once. A response still showing the previous title
is stale (target: none). The page gets its own title back at the end. Prints one JSON line.
"""

import argparse
import html
import json
import os
import sys
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.base")

import django  # noqa: E402

django.setup()

from wagtail.models import Page  # noqa: E402


def fetch(url):
    """Body and wall milliseconds of one anonymous GET (a new connection, like a new visitor)."""
    start = time.perf_counter()
    with urllib.request.urlopen(url, timeout=120) as response:  # noqa: S310 - our loopback nodes
        body = response.read().decode()
    return body, round((time.perf_counter() - start) * 1000, 1)


def publish(page, title):
    page.title = title
    page.save_revision().publish()


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--page", type=int, required=True)
    parser.add_argument("--nodes", required=True, help="URL du nœud A, puis du nœud B")
    parser.add_argument("--times", type=int, default=5)
    parser.add_argument("--interval", type=float, default=8.0)
    parser.add_argument("--start-at", type=float, default=0.0, help="instant (epoch) de la 1re publication")
    args = parser.parse_args()
    nodes = dict(zip("AB", args.nodes.split(","), strict=True))
    page = Page.objects.get(pk=args.page).specific
    original, path = page.title, page.get_url_parts()[2]  # the path, whatever the site
    checks = []
    time.sleep(max(0.0, args.start_at - time.time()))  # Django is set up already: mid-run, on time
    try:
        for number in range(1, args.times + 1):
            for base in nodes.values():
                for _ in range(2):
                    fetch(base + path)
            title = f"{original} (version {number} du banc deux nœuds)"
            publish(page, title)
            published = time.perf_counter()
            for name in "BA":  # the other node first: the one that did not publish
                body, wall_ms = fetch(nodes[name] + path)
                checks.append(
                    {
                        "publication": number,
                        "node": name,
                        "fresh": html.escape(title) in body,
                        "after_publish_ms": round((time.perf_counter() - published) * 1000, 1),
                        "wall_ms": wall_ms,
                    }
                )
            time.sleep(args.interval)
    finally:
        publish(page, original)
    print(
        json.dumps(
            {
                "page": args.page,
                "path": path,
                "publications": args.times,
                "checks": checks,
                "stale": sum(not check["fresh"] for check in checks),
            },
            ensure_ascii=False,
        )
    )


if __name__ == "__main__":
    main()
