"""WSGI entry point, used by gunicorn in production."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.base")

application = get_wsgi_application()

# Refuse to serve with debug off and no proper DJANGO_SECRET_KEY (the French reason is raised).
from core.security.secret_key import ensure_secret_key  # noqa: E402

ensure_secret_key()
