"""Repository hygiene that the suite enforces: migrations committed with the models.

Style (ruff) and architecture (lint-imports) are checked by `make lint`, which CI runs first.
"""

from io import StringIO

from django.core.management import call_command

import pytest


@pytest.mark.django_db
def test_migrations_are_committed():
    out = StringIO()
    call_command("makemigrations", check=True, dry_run=True, stdout=out)
    assert "No changes detected" in out.getvalue()
