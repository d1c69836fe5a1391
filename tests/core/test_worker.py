"""Real worker processes (`manage.py task_worker`) against the test database: a queued email is
delivered; a mail server that is down gets the email again later; a worker killed mid-task leaves
its task to the next worker, which runs it once.

The worker is a subprocess that shares the test's database: PostgreSQL's test database itself (the
test commits, `transaction=True`), or for SQLite — whose test database lives in memory — a file copy
handed to the workers and copied back for the assertions. Every wait is bounded; every worker is
killed in a `finally`.
"""

import os
import signal
import socket
import sqlite3
import subprocess
import sys
from contextlib import contextmanager
from datetime import timedelta
from io import StringIO
from urllib.parse import quote

from django.core import mail
from django.core.mail import send_mail
from django.core.management import call_command
from django.db import connection
from django.utils import timezone

import pytest
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from resources.guides.models import GuidePage
from tests import REPO_ROOT
from tests.home.factories import make_home
from tests.resources.guides.factories import GuideIndexPageFactory, GuidePageFactory

# Committed for the workers to see; each test starts from the migrated data (the page tree's root,
# groups, workflows), restored after the previous test's flush.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

WAIT = 120  # seconds: Django starts slowly on a busy CI machine; a hung worker still fails the test
SUBJECT = "[Fabrique] Votre contribution est publiée"


@pytest.fixture(autouse=True)
def database_queue(settings):
    """This process enqueues into the database, as production does (tests otherwise run tasks at once)."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@contextmanager
def shared_database(tmp_path):
    """Environment giving a subprocess this test's database (see the module's docstring)."""
    connection.ensure_connection()
    if connection.vendor == "postgresql":
        db = connection.settings_dict
        credentials = quote(db["USER"]) + (f":{quote(db['PASSWORD'])}" if db["PASSWORD"] else "")
        server = f"{db['HOST'] or 'localhost'}:{db['PORT'] or 5432}"
        yield {"DATABASE_URL": f"postgres://{credentials}@{server}/{db['NAME']}"}
        return
    assert connection.vendor == "sqlite"
    path = tmp_path / "shared.sqlite3"
    with sqlite3.connect(path) as copy:
        connection.connection.backup(copy)
    copy.close()
    try:
        yield {"DATABASE_URL": f"sqlite:///{path}"}
    finally:
        back = sqlite3.connect(path)
        back.backup(connection.connection)
        back.close()


def worker_env(database, **variables):
    return {
        **os.environ,
        **database,
        "DJANGO_SETTINGS_MODULE": "config.settings.dev",
        "PYTHONUNBUFFERED": "1",
        **variables,
    }


def filebased(outbox):
    return {
        "DJANGO_EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend",
        "DJANGO_EMAIL_FILE_PATH": str(outbox),
    }


def smtp(port, timeout=20):
    return {
        "DJANGO_EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "DJANGO_EMAIL_HOST": "127.0.0.1",
        "DJANGO_EMAIL_PORT": str(port),
        "DJANGO_EMAIL_TIMEOUT": str(timeout),
    }


def start_worker(env, log, *options):
    command = [
        sys.executable,
        "manage.py",
        "task_worker",
        "--no-reload",
        "--no-startup-delay",
        "--interval",
        "0.2",
    ]
    return subprocess.Popen(  # noqa: S603 - our own manage.py, fixed arguments
        [*command, *options], cwd=REPO_ROOT, env=env, stdout=log, stderr=subprocess.STDOUT
    )


@contextmanager
def worker(env, log_path, *options):
    with open(log_path, "ab") as log:
        process = start_worker(env, log, *options)
        try:
            yield process
        finally:
            if process.poll() is None:
                process.kill()
            process.wait(timeout=30)


def run_worker(env, log_path, *options):
    """A worker that stops by itself (--batch or --max-tasks): waits for it, at most WAIT seconds."""
    with worker(env, log_path, *options) as process:
        assert process.wait(timeout=WAIT) == 0, log_path.read_text()


def closed_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def queue_email():
    send_mail(SUBJECT, "Bonjour,\n\nElle est en ligne.", None, ["camille@beta.gouv.fr"])
    [queued] = DBTaskResult.objects.all()
    assert queued.status == TaskResultStatus.READY
    return queued


def delivered(outbox):
    """The messages the filebased backend wrote, one file per connection."""
    return sorted(path.read_text() for path in outbox.iterdir()) if outbox.exists() else []


def test_a_worker_process_delivers_a_queued_email(tmp_path):
    outbox = tmp_path / "outbox"
    queued = queue_email()
    with shared_database(tmp_path) as database:
        run_worker(worker_env(database, **filebased(outbox)), tmp_path / "worker.log", "--batch")

    [message] = delivered(outbox)
    assert "To: camille@beta.gouv.fr" in message
    assert "Elle est en ligne." in message
    queued.refresh_from_db()
    assert queued.status == TaskResultStatus.SUCCESSFUL


def test_smtp_down_the_email_waits_in_the_queue_then_leaves_when_the_server_is_back(tmp_path):
    outbox = tmp_path / "outbox"
    queued = queue_email()
    with shared_database(tmp_path) as database:
        retry_soon = {"FABRIQUE_EMAIL_RETRY_DELAY": "1"}
        down = worker_env(database, **smtp(closed_port()), **retry_soon)
        run_worker(down, tmp_path / "down.log", "--max-tasks", "1")
        back = worker_env(database, **filebased(outbox), **retry_soon)
        run_worker(back, tmp_path / "back.log", "--max-tasks", "1")  # waits for the retry's time

    assert "tentative 1 sur 5" in (tmp_path / "down.log").read_text()
    first, retry = DBTaskResult.objects.order_by("enqueued_at")
    assert first.pk == queued.pk
    assert first.status == TaskResultStatus.FAILED
    assert first.exception_class_path == "builtins.ConnectionRefusedError"
    assert retry.status == TaskResultStatus.SUCCESSFUL
    assert retry.args_kwargs["args"][1] == 2  # the second attempt
    assert retry.run_after > first.started_at  # scheduled later, not retried in a tight loop
    [message] = delivered(outbox)
    assert "To: camille@beta.gouv.fr" in message


def test_a_worker_killed_mid_task_leaves_it_to_the_next_worker_which_runs_it_once(tmp_path):
    outbox = tmp_path / "outbox"
    queued = queue_email()
    with socket.socket() as silent_server, shared_database(tmp_path) as database:
        # A mail server that accepts the connection and never answers: the delivery hangs there.
        silent_server.bind(("127.0.0.1", 0))
        silent_server.listen(1)
        silent_server.settimeout(WAIT)
        hanging = worker_env(database, **smtp(silent_server.getsockname()[1], timeout=WAIT))
        with worker(hanging, tmp_path / "killed.log") as killed:
            contact, _ = silent_server.accept()  # the worker is inside the task now
            killed.kill()  # SIGKILL: no clean-up of any kind
            killed.wait(timeout=30)
            contact.close()
        killed_pid = killed.pid

        run_worker(worker_env(database, **filebased(outbox)), tmp_path / "next.log", "--batch")

    assert "remise en file" in (tmp_path / "next.log").read_text()
    [result] = DBTaskResult.objects.all()  # the same task, not a copy
    assert result.pk == queued.pk
    assert result.status == TaskResultStatus.SUCCESSFUL
    assert len(result.worker_ids) == 2
    assert f":{killed_pid}:" in result.worker_ids[0]
    assert len(delivered(outbox)) == 1  # delivered once


def test_wagtail_indexes_search_and_references_through_the_worker(tmp_path):
    home = make_home()
    guide = GuidePageFactory(parent=GuideIndexPageFactory(parent=home), title="Le quokka des rétrospectives")
    queued = set(DBTaskResult.objects.values_list("task_path", flat=True))
    assert {
        "modelsearch.tasks.insert_or_update_object_task",
        "wagtail.tasks.update_reference_index_task",
    } <= queued
    assert list(GuidePage.objects.search("quokka")) == []  # not indexed by the save itself
    with shared_database(tmp_path) as database:
        run_worker(worker_env(database), tmp_path / "worker.log", "--batch")

    assert not DBTaskResult.objects.exclude(status=TaskResultStatus.SUCCESSFUL).exists()  # references too
    assert list(GuidePage.objects.search("quokka")) == [guide]


def test_tasks_of_a_worker_on_another_machine_are_released_after_the_lease(settings):
    """Beyond this machine a process cannot be looked up: its tasks come back after the lease (which
    also covers a process id reused here), never while a worker may still be running them."""
    settings.FABRIQUE_TASK_LEASE_SECONDS = 600
    now = timezone.now()
    claims = {
        "autre-machine:4242:abcdefgh": now - timedelta(hours=1),  # dead long ago: released
        "autre-machine:4243:abcdefgh": now - timedelta(minutes=1),  # may still be working: left alone
        f"{socket.gethostname()[:40]}:{os.getpid()}:abcdefgh": now - timedelta(minutes=1),  # alive, here
    }
    for number, (worker_id, started_at) in enumerate(claims.items()):
        send_mail(f"Courriel {number}", "Bonjour.", None, [f"agent{number}@beta.gouv.fr"])
        DBTaskResult.objects.filter(status=TaskResultStatus.READY).update(
            status=TaskResultStatus.RUNNING, worker_ids=[worker_id], started_at=started_at
        )
    handlers = {
        signum: signal.getsignal(signum) for signum in (signal.SIGINT, signal.SIGTERM, signal.SIGQUIT)
    }
    try:
        options = ["--batch", "--no-reload", "--no-startup-delay"]
        call_command("task_worker", *options, stdout=StringIO(), verbosity=0)
    finally:  # the worker installs its own signal handlers in this process
        for signum, handler in handlers.items():
            signal.signal(signum, handler)

    assert [message.to for message in mail.outbox] == [["agent0@beta.gouv.fr"]]
    statuses = dict(DBTaskResult.objects.values_list("args_kwargs__args__0__subject", "status"))
    assert statuses == {
        "Courriel 0": TaskResultStatus.SUCCESSFUL,
        "Courriel 1": TaskResultStatus.RUNNING,
        "Courriel 2": TaskResultStatus.RUNNING,
    }
