"""Development defaults for a laptop (`make run`): debug mode and the throwaway key, unless the
environment says otherwise. Production uses config.settings.base, where debug is off by default."""

import os

os.environ.setdefault("DJANGO_DEBUG", "1")

from .base import *  # noqa: E402,F403
