"""Faults with nothing lost, on real services: Redis stopped mid-run, PostgreSQL unreachable.

- Redis: a redis-server started here on a free loopback port, stopped and started again (skipped
  only when the `redis-server` binary is absent; CI installs it).
- PostgreSQL unreachable: a production-like gunicorn whose DATABASE_URL points at a closed port (a
  French 503 page with Retry-After, no traceback, /sante/ in 503).
- PostgreSQL going away and coming back: the test database reached through a TCP relay that the test
  cuts and reopens (needs DATABASE_URL=postgres://…, as in CI; skipped on SQLite).
"""

import json
import os
import secrets
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

from django.db import connection
from django.test import override_settings

import pytest

from core.security.ratelimit import RATE_LIMIT_MESSAGE
from tests import REPO_ROOT
from tests.community.members.factories import PASSWORD, make_user
from tests.core.services import RedisServer, TcpRelay, free_port, production_caches, running

LOGIN = "/compte/connexion/"
OUTAGE_TITLE = "Service momentanément indisponible"


# --- Redis stopped mid-run -----------------------------------------------------------------------


@pytest.mark.django_db
def test_redis_stopped_mid_run_then_back(client, home, tmp_path):
    user = make_user("camille")
    redis = RedisServer(tmp_path)
    with running(redis), override_settings(CACHES=production_caches(redis.url)):
        assert client.get("/")["X-Page-Cache"] == "miss"
        assert client.get("/")["X-Page-Cache"] == "hit"

        redis.stop()
        response = client.get("/")
        assert response.status_code == 200  # rendered without the cache
        assert "Accueil" in response.content.decode()
        html = client.post(LOGIN, {"login": user.email, "password": "pas-le-bon"}).content.decode()
        assert "incorrect" in html.lower() and RATE_LIMIT_MESSAGE not in html
        health = json.loads(client.get("/sante/").content)
        assert health["statut"] == "dégradé" and health["database"] == "ok"
        response = client.post(LOGIN, {"login": user.email, "password": PASSWORD})
        assert response.status_code == 302
        assert client.session["_auth_user_id"] == str(user.pk)
        client.logout()

        redis.start()  # same port, empty: the page cache refills by itself
        statuses = [client.get("/")["X-Page-Cache"] for _ in range(3)]
        assert statuses[-1] == "hit", statuses


# --- PostgreSQL unreachable: a production-like server ----------------------------------------------


def _get(url, **headers):
    request = urllib.request.Request(url, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, dict(response.headers), response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read().decode()


def _gunicorn(tmp_path: Path, database_url: str):
    port = free_port()
    env = {
        **{key: value for key, value in os.environ.items() if not key.startswith(("DJANGO_", "REDIS_URL"))},
        "DJANGO_SETTINGS_MODULE": "tests.core.production_settings",
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(64),
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DJANGO_SECURE_SSL_REDIRECT": "0",
        "WAGTAILADMIN_BASE_URL": "http://127.0.0.1",
        "DATABASE_URL": database_url,
        "DJANGO_STATIC_ROOT": str(tmp_path),
    }
    log = open(tmp_path / "gunicorn.log", "w")  # noqa: SIM115 - closed by the caller
    process = subprocess.Popen(
        [str(Path(sys.executable).parent / "gunicorn"), "config.wsgi", "--workers", "1"]
        + ["--bind", f"127.0.0.1:{port}"],
        cwd=REPO_ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    return process, log, f"http://127.0.0.1:{port}"


def test_database_unreachable_gives_a_french_503_without_traceback(tmp_path):
    process, log, base = _gunicorn(tmp_path, f"postgres://fabrique@127.0.0.1:{free_port()}/fabrique")
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                status, headers, html = _get(base + "/")
                break
            except OSError:
                assert process.poll() is None, (tmp_path / "gunicorn.log").read_text()
                assert time.monotonic() < deadline, "gunicorn n'a pas démarré"
                time.sleep(0.3)
        assert status == 503
        assert headers["Retry-After"] == "30"
        assert OUTAGE_TITLE in html and "Traceback" not in html
        # A visitor with a session cookie: the error comes from a middleware, the answer is the same.
        status, headers, html = _get(base + "/guides/", Cookie="sessionid=abc")
        assert (status, headers.get("Retry-After")) == (503, "30")
        assert OUTAGE_TITLE in html
        status, headers, body = _get(base + "/sante/")
        assert status == 503
        assert json.loads(body)["database"] == "indisponible"
        assert "no-store" in headers["Cache-Control"]
    finally:
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=30)
        log.close()
    assert "Traceback" not in (tmp_path / "gunicorn.log").read_text()


# --- PostgreSQL going away and coming back ----------------------------------------------------------


@pytest.fixture
def relayed_database():
    """The test database reached through a relay the test can cut: (relay, restore)."""
    settings_dict = connection.settings_dict
    saved = settings_dict["HOST"], settings_dict["PORT"]
    relay = TcpRelay(saved[0] or "127.0.0.1", int(saved[1] or 5432))
    relay.open()
    connection.close()
    settings_dict["HOST"], settings_dict["PORT"] = "127.0.0.1", relay.port
    try:
        yield relay
    finally:
        relay.cut()
        connection.close()
        settings_dict["HOST"], settings_dict["PORT"] = saved


# Skipped before the database is set up (a skip inside a fixture would still flush it), and restored
# like every committing test: a flush that re-creates content types under new ids would break the
# serialized restore of the next committing test (UNIQUE constraint on django_content_type).
@pytest.mark.skipif(
    not os.environ.get("DATABASE_URL", "").startswith("postgres"),
    reason="coupure de PostgreSQL : lancer avec DATABASE_URL=postgres://… (comme la CI)",
)
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_database_stopped_then_back_resumes_by_itself(client, home, relayed_database):
    assert client.get("/").status_code == 200  # now in the page cache
    assert client.get("/sante/").status_code == 200

    relayed_database.cut()
    response = client.get("/?pendant=coupure")
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert OUTAGE_TITLE in response.content.decode()
    assert client.get("/sante/").status_code == 503
    cached = client.get("/")
    assert (cached.status_code, cached["X-Page-Cache"]) == (200, "hit")  # anonymous pages still served

    relayed_database.open()  # the database is back: no restart, no configuration change
    assert client.get("/?apres=coupure").status_code == 200
    assert json.loads(client.get("/sante/").content)["database"] == "ok"
