"""Requests per second of anonymous pages under gunicorn, against a static file of the same size.

    DATABASE_URL=postgres://…/bench_10x [REDIS_URL=redis://…] .venv/bin/python bench/throughput.py \
        [--seconds 10] [--threads 8]

Starts gunicorn (bench/server.py: 2 workers, DJANGO_DEBUG=0, 127.0.0.1), then for each page (home,
a guide, a startup, the startup directory) fetches it once (so a page cache, if any, is warm), writes
a static file of exactly the same byte size into STATIC_ROOT, and hammers both for the same time with
the same keep-alive client threads. Prints requests per second and the page/static ratio (target ≥ 0.5:
cached pages at least half as fast as whitenoise serving a file). Works with whatever page cache the
settings provide; without one the figure is the uncached throughput.
"""

import argparse
import http.client
import sys
import threading
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent))
from measure import Clock, emit, machine_line, setup_django  # noqa: E402

setup_django()

from django.test import Client  # noqa: E402

from server import gunicorn  # noqa: E402

from community.startups.models import StartupIndexPage, StartupPage  # noqa: E402
from resources.guides.models import GuidePage  # noqa: E402

TARGET_RATIO = 0.5


def page_paths():
    guide = GuidePage.objects.live().exclude(source_key="").order_by("-depth", "path").first()
    startup = StartupPage.objects.live().exclude(source_key="").order_by("title").first()
    return {
        "accueil": "/",
        "page de guide": guide.url,
        "startup": startup.url,
        "annuaire des startups": StartupIndexPage.objects.first().url,
    }


def hammer(base, path, seconds, threads):
    """Requests per second and errors of `threads` keep-alive clients GETting `path` for `seconds`."""
    host = urlsplit(base)
    counts, errors = [0] * threads, [0] * threads
    deadline = time.perf_counter() + seconds

    def run(slot):
        connection = http.client.HTTPConnection(host.hostname, host.port, timeout=30)
        while time.perf_counter() < deadline:
            try:
                connection.request("GET", path)
                response = connection.getresponse()
                response.read()
                if response.status == 200:
                    counts[slot] += 1
                else:
                    errors[slot] += 1
            except (OSError, http.client.HTTPException):
                errors[slot] += 1
                connection.close()  # sync workers close the connection; reconnect on next request
        connection.close()

    workers = [threading.Thread(target=run, args=(slot,)) for slot in range(threads)]
    start = time.perf_counter()
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    elapsed = time.perf_counter() - start
    return round(sum(counts) / elapsed, 1), sum(errors)


def main():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--seconds", type=float, default=10, help="durée de chaque mesure")
    parser.add_argument("--threads", type=int, default=8, help="clients simultanés")
    args = parser.parse_args()
    clock = Clock()
    paths = page_paths()
    # Sizes from an in-process render (the server's HTML differs only by hashed static names, a
    # few bytes): whitenoise indexes STATIC_ROOT when a worker starts, so the files must exist first.
    client = Client(HTTP_HOST="127.0.0.1")
    sizes = {name: len(client.get(path).content) for name, path in paths.items()}
    rows = {}
    with gunicorn(prepare_static=lambda root: _write_static(root, sizes)) as (base, _pid, _root):
        for name, path in paths.items():
            with urllib.request.urlopen(base + path) as response:  # warms the page cache, if any
                served = len(response.read())
            static_path = f"/static/bench/{sizes[name]}.html"
            page_rps, page_errors = hammer(base, path, args.seconds, args.threads)
            static_rps, static_errors = hammer(base, static_path, args.seconds, args.threads)
            rows[name] = {
                "path": path,
                "bytes": served,
                "static_bytes": sizes[name],
                "page_rps": page_rps,
                "static_rps": static_rps,
                "ratio": round(page_rps / static_rps, 2) if static_rps else None,
                "errors": page_errors + static_errors,
            }

    result = {"bench": "throughput", "pages": rows, "target_ratio": TARGET_RATIO, **clock.figures()}
    result["ratio_min"] = min(row["ratio"] or 0 for row in rows.values())
    print(
        f"Débit sous gunicorn (2 workers, {args.threads} clients, {args.seconds:g} s par mesure ; "
        f"{machine_line()})."
    )
    print(f"{'page':24} {'octets':>8} {'page req/s':>11} {'statique req/s':>15} {'ratio':>6} erreurs")
    for name, row in rows.items():
        flag = "" if (row["ratio"] or 0) >= TARGET_RATIO else "  ← sous la cible 0,5"
        print(
            f"{name:24} {row['bytes']:>8} {row['page_rps']:>11} {row['static_rps']:>15} "
            f"{row['ratio']:>6} {row['errors']:>7}{flag}"
        )
    print(f"Durée : {result['wall_seconds']} s, CPU du client : {result['cpu_seconds']} s.")
    emit(result)


def _write_static(root, sizes):
    """One file per page size, of HTML-like text, so whitenoise serves the same number of bytes."""
    folder = root / "bench"
    folder.mkdir(exist_ok=True)
    line = b"<p>Contenu statique de la m\xc3\xaame taille que la page mesur\xc3\xa9e.</p>\n"
    for size in sizes.values():
        (folder / f"{size}.html").write_bytes((line * (size // len(line) + 1))[:size])


if __name__ == "__main__":
    main()
