"""WSGI entry point, used by gunicorn in production."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.base")

application = get_wsgi_application()

# Refuse to serve with debug off and an unfit configuration: no proper DJANGO_SECRET_KEY, public
# address or hosts, a per-process cache shared by several workers (the French reasons are raised).
from core.deployment import ensure_ready  # noqa: E402

ensure_ready()
