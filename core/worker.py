"""The background worker: django-tasks-db's, plus the recovery of tasks whose worker died.

django-tasks-db marks a task RUNNING when a worker claims it and never looks at it again: if that
worker is killed (out of memory, SIGKILL, a machine lost), the task stays RUNNING for ever and never
runs. So each worker is named after where it runs (`host:pid:random`), and before it starts, puts
back in the queue every RUNNING task whose last worker is gone:
- on the same machine, at once when that process no longer exists;
- from another machine (or a process id that was reused), once it has been RUNNING for longer than
  `FABRIQUE_TASK_LEASE_SECONDS`, which must exceed the longest task (emails and image renditions
  take seconds).
The task then runs again, once: workers claim a task under a row lock. A task killed midway may have
done part of its work (an email may have left just before the kill): delivery is at least once.
"""

import logging
import os
import socket
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.crypto import get_random_string

from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

logger = logging.getLogger(__name__)


def this_host() -> str:
    return socket.gethostname()[:40]


def new_worker_id() -> str:
    """Unique across the pool, and says where the worker runs (at most 64 characters)."""
    return f"{this_host()}:{os.getpid()}:{get_random_string(8)}"


def _process_exists(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's process: it exists
        return True
    return True


def worker_is_gone(worker_id: str, *, now, started_at) -> bool:
    host, _, rest = worker_id.partition(":")
    pid = rest.partition(":")[0]
    if host == this_host() and pid.isdigit() and not _process_exists(int(pid)):
        return True
    lease = timedelta(seconds=settings.FABRIQUE_TASK_LEASE_SECONDS)
    return started_at is None or started_at < now - lease


def release_orphaned_tasks(backend_name: str) -> int:
    """Put back in the queue the RUNNING tasks of workers that died; returns how many."""
    now = timezone.now()
    released = 0
    with transaction.atomic():
        running = (
            DBTaskResult.objects.running()
            .filter(backend_name=backend_name)
            .select_for_update(skip_locked=True)
        )
        for result in running:
            last_worker = result.worker_ids[-1] if result.worker_ids else ""
            if not worker_is_gone(last_worker, now=now, started_at=result.started_at):
                continue
            result.status = TaskResultStatus.READY
            result.save(update_fields=["status"])
            released += 1
            logger.warning(
                "Tâche %s (%s) remise en file : son worker %s s'est arrêté pendant son exécution.",
                result.id,
                result.task_path,
                last_worker or "inconnu",
            )
    return released
