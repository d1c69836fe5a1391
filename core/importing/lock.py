"""One run at a time: scheduled imports (cron, systemd timers) must never overlap.

The lock is an advisory `flock` on a file: the kernel releases it when the process ends, however
it ends, so a crashed run never leaves a stale lock behind.
"""

import fcntl
import tempfile
from contextlib import contextmanager
from pathlib import Path

from django.conf import settings

from .records import RecordError


class ImportLocked(RecordError):
    """Another run of the same import holds the lock: this one is refused, nothing is touched."""


@contextmanager
def import_lock(name: str):
    directory = Path(getattr(settings, "FABRIQUE_IMPORT_LOCK_DIR", "") or tempfile.gettempdir())
    path = directory / f"fabrique-{name}.lock"
    with open(path, "a", encoding="utf-8") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError as exc:
            raise ImportLocked(
                f"un autre « {name} » est en cours (verrou {path}) : celui-ci n'est pas lancé"
            ) from exc
        try:
            yield path
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
