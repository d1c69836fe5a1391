"""`make screenshots`: PNGs of the key pages at desktop and mobile widths, for reviewers.

Serves the local demo database with `runserver` on a free loopback port, visits the home page, each
section and the first page inside each section, plus search and login, then stops the server.
"""

import argparse
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")

WIDTHS = {"bureau": 1280, "mobile": 375}
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"]


def key_paths():
    import django

    django.setup()
    from wagtail.models import Site

    home = Site.objects.get(is_default_site=True).root_page
    paths = ["/"]
    for section in home.get_children().live().in_menu():
        paths.append("/" + section.url_path.removeprefix(home.url_path))
        first = section.get_children().live().first()
        if first is not None:
            paths.append("/" + first.url_path.removeprefix(home.url_path))
    return [*paths, "/recherche/?q=recrutement", "/compte/connexion/"]


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for(url, seconds=30):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(url, timeout=2)  # noqa: S310 - loopback only
            return
        except OSError:
            time.sleep(0.3)
    raise SystemExit(f"Le serveur ne répond pas sur {url}")


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--output", default="screenshots")
    args = parser.parse_args()
    output = Path(args.output)
    output.mkdir(parents=True, exist_ok=True)

    from playwright.sync_api import sync_playwright

    paths = key_paths()
    port = free_port()
    server = subprocess.Popen(  # noqa: S603
        [sys.executable, "manage.py", "runserver", "--noreload", f"127.0.0.1:{port}"],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        wait_for(base + "/")
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=os.environ.get("FABRIQUE_CHROMIUM", "/usr/bin/chromium"),
                args=CHROMIUM_ARGS,
            )
            for label, width in WIDTHS.items():
                page = browser.new_page(viewport={"width": width, "height": 900}, locale="fr-FR")
                for path in paths:
                    page.goto(base + path)
                    name = path.strip("/").replace("/", "_").replace("?", "_").replace("=", "-") or "accueil"
                    target = output / f"{name}--{label}.png"
                    page.screenshot(path=str(target), full_page=True)
                    print(target)
                page.close()
            browser.close()
    finally:
        server.terminate()
        server.wait(timeout=10)


if __name__ == "__main__":
    main()
