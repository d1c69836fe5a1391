"""Safe by default: a host that forgets DJANGO_DEBUG runs with debug off and refuses the public key.

`config.settings.base` is what production (and `manage.py`, `config/wsgi.py`) loads; development
defaults live in `config.settings.dev`, which `make run` uses.
"""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
STRONG_KEY = "k" * 30 + "R4nd0m-Str1ng-f0r-T3sts-0nly" + "z" * 10
REFUSAL = "DJANGO_SECRET_KEY doit être définie"


def run_python(code, settings_module="config.settings.base", **env):
    clean_env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "DATABASE_URL", "REDIS_URL"))
    }
    clean_env.update(env, DJANGO_SETTINGS_MODULE=settings_module)
    return subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=clean_env, capture_output=True, text=True, timeout=120
    )


def test_debug_is_off_when_the_variable_is_absent():
    result = run_python("from django.conf import settings; print(settings.DEBUG)")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False"


def test_the_development_settings_switch_debug_on():
    result = run_python("from django.conf import settings; print(settings.DEBUG)", "config.settings.dev")
    assert result.stdout.strip() == "True", result.stderr


def test_without_a_key_production_refuses_to_serve_in_french():
    result = run_python("import config.wsgi", DJANGO_ALLOWED_HOSTS="example.org")
    assert result.returncode != 0
    assert REFUSAL in result.stderr


def test_the_public_development_key_is_refused_in_production():
    result = run_python(
        "import config.wsgi",
        DJANGO_SECRET_KEY="dev-only-insecure-key-never-use-in-production",
        DJANGO_ALLOWED_HOSTS="example.org",
    )
    assert result.returncode != 0
    assert REFUSAL in result.stderr


def test_with_a_strong_key_production_serves():
    result = run_python(
        "import config.wsgi; print('prêt')", DJANGO_SECRET_KEY=STRONG_KEY, DJANGO_ALLOWED_HOSTS="example.org"
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "prêt"


def manage(*args, **env):
    clean_env = {key: value for key, value in os.environ.items() if not key.startswith("DJANGO_")}
    clean_env.update(env, DATABASE_URL="sqlite:////tmp/fabrique-safe-defaults.sqlite3")
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=clean_env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_commands_that_serve_nothing_run_on_a_laptop_without_the_variable():
    """`manage.py makemigrations` works with no variable at all (debug off, no key needed)."""
    result = manage("makemigrations", "--check", "--dry-run")
    assert result.returncode == 0, result.stderr
    assert "No changes detected" in result.stdout


def test_a_declared_production_host_checks_the_key_on_every_command():
    result = manage("makemigrations", "--check", "--dry-run", DJANGO_DEBUG="0")
    assert result.returncode != 0
    assert REFUSAL in result.stderr


def test_check_deploy_reports_a_missing_key_even_without_the_variable():
    result = manage("check", "--deploy")
    assert result.returncode != 0
    assert REFUSAL in result.stderr
