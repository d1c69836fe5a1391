"""Fast, isolated test settings: same apps as production, cheaper hashing and storage."""

import os
import tempfile

os.environ.setdefault("DJANGO_DEBUG", "1")

from .base import *  # noqa: E402,F403
from .base import DATABASES  # noqa: E402

SECRET_KEY = "test-only-key-" + "x" * 50  # noqa: S105
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
MEDIA_ROOT = tempfile.mkdtemp(prefix="fabrique-test-media-")
FABRIQUE_PRIVATE_MEDIA_ROOT = tempfile.mkdtemp(prefix="fabrique-test-private-media-")
# Emails still go through the queue (core/mail.py; tests/conftest.py puts the queue back after
# Django's test setup swaps EMAIL_BACKEND), then land in django.core.mail.outbox; tasks run at once.
FABRIQUE_EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
WAGTAILADMIN_BASE_URL = "http://testserver"
DATABASES["default"]["CONN_MAX_AGE"] = 0
# A configured replica is a test mirror: the standby under the test database's name (which it
# receives by replication), neither created nor flushed by pytest-django; the router reads the
# primary instead (core/replica.py), except in tests/core/test_replica.py.
if "replica" in DATABASES:
    DATABASES["replica"]["CONN_MAX_AGE"] = 0
    DATABASES["replica"]["TEST"] = {"MIRROR": "default"}
STATIC_ROOT = tempfile.mkdtemp(prefix="fabrique-test-static-")

# Each xdist worker gets its own Redis database, so clearing the cache between tests is safe.
if REDIS_URL:  # noqa: F405
    _worker = os.environ.get("PYTEST_XDIST_WORKER", "gw0").removeprefix("gw")
    _db = 1 + (int(_worker) if _worker.isdigit() else 0) % 15
    for _alias in CACHES:  # noqa: F405 - pages and rate-limit counters alike
        CACHES[_alias]["LOCATION"] = REDIS_URL.rsplit("/", 1)[0] + f"/{_db}"  # noqa: F405
    CACHES["default"]["OPTIONS"] = {}  # noqa: F405 - tests must see Redis errors, not hide them
# Each xdist worker imports into its own test database: its import lock must not block the other's.
FABRIQUE_IMPORT_LOCK_DIR = tempfile.mkdtemp(prefix="fabrique-test-locks-")
