"""Repository hygiene that CI enforces: migrations committed, lint and format clean."""

import subprocess
import sys
from io import StringIO
from pathlib import Path

from django.core.management import call_command

import pytest

from tests import REPO_ROOT

ROOT = REPO_ROOT
RUFF = Path(sys.executable).with_name("ruff")


@pytest.mark.django_db
def test_migrations_are_committed():
    out = StringIO()
    call_command("makemigrations", check=True, dry_run=True, stdout=out)
    assert "No changes detected" in out.getvalue()


@pytest.mark.parametrize("args", [["check", "."], ["format", "--check", "."]])
def test_ruff(args):
    result = subprocess.run([str(RUFF), *args], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
