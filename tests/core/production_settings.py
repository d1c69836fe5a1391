"""Production settings for servers started by the fault tests, without running collectstatic first.

Everything is config.settings.base (debug off, handler500, middleware) except the static files'
storage: the hashed-names manifest would need a collectstatic run, minutes of compression per test.
"""

from config.settings.base import *  # noqa: F403

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
