"""The read replica, for real: a PostgreSQL streaming standby serves the public listing and search.

Runs only when DATABASE_REPLICA_URL names a real standby (`.ci/run` starts one with pg_basebackup).
The suite keeps the `replica` alias as a test mirror; here it is pointed at the standby itself,
on the test database, which the standby received by replication. Data must be committed for the
standby to see it: these tests are transactional. Replication is awaited by comparing the
standby's replayed WAL position with the primary's, within a bound; nothing waits a fixed time.
"""

import copy
import time

from django.conf import settings as project_settings
from django.db import DEFAULT_DB_ALIAS, connections
from django.test import Client
from django.test.utils import CaptureQueriesContext

from wagtail.models import Page

import pytest

from core import replica
from tests.community.members.factories import make_user
from tests.resources.library.factories import ResourceIndexPageFactory, ResourcePageFactory

REPLICA = "replica"
REPLAY_TIMEOUT_SECONDS = 30
POLL_SECONDS = 0.02


def _why_skipped() -> str:
    if REPLICA not in project_settings.DATABASES:
        return "pas de réplique : DATABASE_REPLICA_URL n'est pas défini (.ci/run en démarre une)"
    if "postgresql" not in project_settings.DATABASES[REPLICA]["ENGINE"]:
        return "la réplique de DATABASE_REPLICA_URL n'est pas une base PostgreSQL"
    return ""


pytestmark = [
    pytest.mark.skipif(bool(_why_skipped()), reason=_why_skipped() or "réplique configurée"),
    pytest.mark.django_db(transaction=True, serialized_rollback=True, databases=[DEFAULT_DB_ALIAS, REPLICA]),
]


def _one(alias, sql, params=()):
    with connections[alias].cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchone()[0]


def wait_for_replay():
    """Until the standby has replayed everything the primary has written so far (bounded)."""
    target = replica.primary_position()
    deadline = time.monotonic() + REPLAY_TIMEOUT_SECONDS
    while replica.replica_position() < target:
        assert time.monotonic() < deadline, (
            f"la réplique n'a pas rejoué {target} en {REPLAY_TIMEOUT_SECONDS} s"
        )
        time.sleep(POLL_SECONDS)  # between two polls of the position, not in place of one


@pytest.fixture
def standby(settings):
    """The `replica` alias on the real standby, reading the (replicated) test database."""
    settings.FABRIQUE_PAGE_CACHE = False  # every request reads the database: where it reads is the point
    connection = connections[REPLICA]
    mirror = connection.settings_dict  # the standby's address, the test database's name
    connection.close()
    connection.settings_dict = {**copy.deepcopy(mirror), "NAME": "postgres"}
    wait_for_replay()  # the test database, created on the primary, has reached the standby
    connection.close()
    # No longer a test mirror: the router reads it (core/replica.py). Restored before the flush.
    connection.settings_dict = {**copy.deepcopy(mirror), "TEST": {**mirror["TEST"], "MIRROR": None}}
    assert connection.settings_dict["NAME"] == connections[DEFAULT_DB_ALIAS].settings_dict["NAME"]
    assert _one(REPLICA, "SELECT pg_is_in_recovery()"), "DATABASE_REPLICA_URL doit viser un standby"
    yield connection
    if _one(REPLICA, "SELECT pg_is_wal_replay_paused()"):
        _one(REPLICA, "SELECT pg_wal_replay_resume()::text")
    connection.close()
    connection.settings_dict = mirror


@pytest.fixture
def library(home):
    library = ResourceIndexPageFactory(parent=home, title="Ressources", slug="ressources")
    # The first request writes the site's settings rows (Wagtail creates them on first read): it
    # then reads the primary, as any request that wrote. Done here, by another browser.
    assert Client().get(library.url).status_code == 200
    return library


def page_reads(alias, queries):
    """The statements of a request that read the page tree on `alias`."""
    return [query["sql"] for query in queries if f'"{Page._meta.db_table}"' in query["sql"]]


def get(client, url, **params):
    with (
        CaptureQueriesContext(connections[REPLICA]) as on_replica,
        CaptureQueriesContext(connections[DEFAULT_DB_ALIAS]) as on_primary,
    ):
        response = client.get(url, params)
    assert response.status_code == 200, url
    return (
        response.content.decode(),
        page_reads(REPLICA, on_replica),
        page_reads(DEFAULT_DB_ALIAS, on_primary),
    )


def test_a_page_published_on_the_primary_appears_on_the_replica_backed_listing(client, standby, library):
    ResourcePageFactory(parent=library, title="Kit Zanzibar pour les nouvelles équipes")
    wait_for_replay()
    html, on_replica, on_primary = get(client, library.url)
    assert "Kit Zanzibar pour les nouvelles équipes" in html
    assert on_replica and not on_primary
    html, on_replica, on_primary = get(client, "/recherche/", q="zanzibar")
    assert "Kit <mark>Zanzibar</mark>" in html
    assert on_replica and not on_primary
    suggestions = client.get("/recherche/suggestions/", {"q": "zanz"}).json()["suggestions"]
    assert [item["title"] for item in suggestions] == ["Kit Zanzibar pour les nouvelles équipes"]


def test_a_lagging_replica_is_not_read_until_it_holds_the_published_change(client, standby, library):
    wait_for_replay()
    _one(REPLICA, "SELECT pg_wal_replay_pause()::text")
    ResourcePageFactory(parent=library, title="Charte Zanzibar publiée pendant le retard")
    # The standby misses the page: the request reads the primary, and shows it.
    html, on_replica, on_primary = get(client, library.url)
    assert "Charte Zanzibar publiée pendant le retard" in html
    assert on_primary and not on_replica
    _one(REPLICA, "SELECT pg_wal_replay_resume()::text")
    wait_for_replay()
    html, on_replica, on_primary = get(client, library.url)
    assert "Charte Zanzibar publiée pendant le retard" in html
    assert on_replica and not on_primary


def test_a_logged_in_editors_own_request_reads_the_primary(client, standby, library):
    ResourcePageFactory(parent=library, title="Guide Zanzibar")
    editor = make_user("coach", ["Coachs"])
    editor.refresh_from_db()
    assert editor.is_staff
    client.force_login(editor)
    wait_for_replay()
    html, on_replica, on_primary = get(client, library.url)
    assert "Guide Zanzibar" in html
    assert on_primary and not on_replica
    html, on_replica, on_primary = get(client, "/recherche/", q="zanzibar")
    assert "Guide <mark>Zanzibar</mark>" in html
    assert on_primary and not on_replica
    # A member is no editor: their public pages may come from the replica (in their own browser:
    # the editor's requests wrote their user profile, which pins that browser to the primary).
    member = Client()
    member.force_login(make_user("membre"))
    wait_for_replay()
    html, on_replica, on_primary = get(member, library.url)
    assert "Guide Zanzibar" in html
    assert on_replica and not on_primary
