"""Real-browser journeys: Debian's Chromium driven by Playwright against the live test server.

On failure, pytest-playwright saves a screenshot (``--screenshot only-on-failure``) and this module
saves the page's console log next to it, under ``test-results/``.
"""

import os
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

# Playwright's sync API runs an event loop in this thread; the ORM calls made by the test itself
# (building data, checking the database) are still synchronous and safe here.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("FABRIQUE_CHROMIUM", "/usr/bin/chromium")
RESULTS = Path(__file__).resolve().parent.parent.parent / "test-results"

# Each assertion waits for what the page shows after a server round trip. Playwright's 5-second
# default is overrun on a 2-core machine that runs two xdist workers, their live servers and
# Chromium at once; a wrong page still fails, only later.
expect.set_options(timeout=20_000)


def pytest_collection_modifyitems(items):
    here = Path(__file__).parent
    for item in items:
        if here in Path(item.fspath).parents:
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    assert Path(CHROMIUM).exists(), (
        f"Chromium est introuvable ({CHROMIUM}) : installez les paquets Debian chromium et "
        "chromium-driver (make browser-deps) ou indiquez son chemin dans FABRIQUE_CHROMIUM."
    )
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--disable-quic",
        ],
    }


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    return {**browser_context_args, "locale": "fr-FR", "timezone_id": "Europe/Paris"}


@pytest.fixture(autouse=True)
def console_log(page, request):
    """Collects console messages and page errors; written to test-results/ when the test fails."""
    messages = []
    page.on("console", lambda msg: messages.append(f"[{msg.type}] {msg.text}"))
    page.on("pageerror", lambda exc: messages.append(f"[pageerror] {exc}"))
    yield messages
    report = getattr(request.node, "rep_call", None)
    if report is not None and report.failed:
        RESULTS.mkdir(exist_ok=True)
        name = request.node.nodeid.replace("/", "_").replace("::", "__")
        (RESULTS / f"{name}.console.log").write_text("\n".join(messages), encoding="utf-8")


@pytest.hookimpl(tryfirst=True, hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    setattr(item, f"rep_{report.when}", report)


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings, tmp_path_factory):
    """On SQLite, the live server and the test share a database file, not shared-cache memory.

    Shared-cache memory SQLite answers « database table is locked » at once when two requests
    overlap (the editor's preview loads while a form posts), so a journey fails with a 500 on a
    loaded machine. A file honours a busy timeout, and IMMEDIATE transactions take the write lock
    up front instead of failing on a lock upgrade. PostgreSQL (CI) needs neither.
    """
    from django.conf import settings

    database = settings.DATABASES["default"]
    if database["ENGINE"] == "django.db.backends.sqlite3":
        database.setdefault("TEST", {})["NAME"] = str(tmp_path_factory.mktemp("db") / "browser.sqlite3")
        database.setdefault("OPTIONS", {}).update({"timeout": 30, "transaction_mode": "IMMEDIATE"})


@pytest.fixture
def site_url(live_server, demo_site):
    """The live server's address, with the demo site answering on its host name."""
    from wagtail.models import Site

    host, port = live_server.url.removeprefix("http://").split(":")
    Site.objects.filter(pk=demo_site.pk).update(hostname=host, port=int(port))
    return live_server.url


LOOPBACK_HOSTS = {"localhost", "127.0.0.1", "[::1]", "::1"}


@pytest.fixture
def context(context):
    """The browser reaches the live server only: any other host is refused at once.

    A demo guide embeds a YouTube player; outside requests have no network here and may hang until
    a connection timeout, which keeps the page from going idle (and no test may send traffic out).
    """

    def only_loopback(route):
        if urlsplit(route.request.url).hostname in LOOPBACK_HOSTS:
            route.continue_()
        else:
            route.abort("blockedbyclient")

    context.route("**/*", only_loopback)
    return context


@pytest.fixture
def page(page):
    """The browser tab; waits for in-flight requests before the database is reset.

    The live server shares the test database; a request still running during the reset between
    two tests (a late favicon or script) would read or write a half-reset database.
    """
    yield page
    page.wait_for_load_state("networkidle")
