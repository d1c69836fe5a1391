"""Settings come from the environment, are safe by default, and production refuses unsafe values.

`config.settings.base` is what production (and `manage.py`, `config/wsgi.py`) loads: a host that
forgets DJANGO_DEBUG runs with debug off and never with the public key. Development defaults live in
`config.settings.dev` (`make run`).
"""

import json
import os
import subprocess
import sys

from tests import REPO_ROOT

ROOT = REPO_ROOT
STRONG_KEY = "k" * 30 + "R4nd0m-Str1ng-f0r-T3sts-0nly" + "z" * 10


REFUSAL = "DJANGO_SECRET_KEY doit être définie"


def run_python(*argv, settings_module="config.settings.base", **env):
    """Python in a fresh process, with only the environment variables the test gives."""
    clean_env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "DATABASE_URL", "REDIS_URL"))
    }
    clean_env.update(env)
    clean_env["DJANGO_SETTINGS_MODULE"] = settings_module
    return subprocess.run(
        [sys.executable, *argv],
        cwd=ROOT,
        env=clean_env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def run_manage(*args, **env):
    return run_python("manage.py", *args, **env)


def read_setting(expression, **env):
    code = f"import json; from django.conf import settings; print(json.dumps({expression}, default=str))"
    result = run_manage("shell", "-c", code, **env)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_database_url_switches_to_postgresql():
    db = read_setting(
        "settings.DATABASES['default']",
        DATABASE_URL="postgres://fab:secret@db.example.org:5433/fabrique",
    )
    assert db["ENGINE"] == "django.db.backends.postgresql"
    assert db["NAME"] == "fabrique"
    assert db["USER"] == "fab"
    assert db["PASSWORD"] == "secret"
    assert db["HOST"] == "db.example.org"
    assert db["PORT"] == 5433


def test_laptop_defaults_are_sqlite_and_local_memory_cache():
    db_engine = read_setting("settings.DATABASES['default']['ENGINE']")
    cache = read_setting("settings.CACHES['default']['BACKEND']")
    assert db_engine == "django.db.backends.sqlite3"
    assert cache.endswith("LocMemCache")


def test_redis_url_switches_the_cache():
    cache = read_setting("settings.CACHES['default']", REDIS_URL="redis://127.0.0.1:6390/1")
    assert cache["BACKEND"] == "django_redis.cache.RedisCache"
    assert cache["LOCATION"] == "redis://127.0.0.1:6390/1"


def test_french_locale_and_paris_time():
    assert read_setting("[settings.LANGUAGE_CODE, settings.TIME_ZONE]") == ["fr", "Europe/Paris"]


def test_production_refuses_to_start_without_a_secret_key():
    result = run_manage("check", DJANGO_DEBUG="0", DJANGO_ALLOWED_HOSTS="example.org")
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY doit être définie" in result.stderr


def test_production_refuses_a_short_secret_key():
    result = run_manage(
        "check", DJANGO_DEBUG="0", DJANGO_SECRET_KEY="court", DJANGO_ALLOWED_HOSTS="example.org"
    )
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY" in result.stderr


def test_invalid_boolean_is_reported_in_french():
    result = run_manage("check", DJANGO_DEBUG="peut-être")
    assert result.returncode != 0
    assert "doit valoir 1 ou 0" in result.stderr


def test_check_deploy_reports_no_issue():
    result = run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DJANGO_DEBUG="0",
        DJANGO_SECRET_KEY=STRONG_KEY,
        DJANGO_ALLOWED_HOSTS="example.org",
        WAGTAILADMIN_BASE_URL="https://example.org",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_production_security_settings():
    values = read_setting(
        "[settings.SECURE_SSL_REDIRECT, settings.SESSION_COOKIE_SECURE, "
        "settings.CSRF_COOKIE_SECURE, settings.SECURE_HSTS_SECONDS, settings.DEBUG]",
        DJANGO_DEBUG="0",
        DJANGO_SECRET_KEY=STRONG_KEY,
        DJANGO_ALLOWED_HOSTS="example.org",
    )
    assert values == [True, True, True, 31_536_000, False]


def test_ssl_redirect_can_be_left_to_the_proxy():
    values = read_setting(
        "[settings.SECURE_SSL_REDIRECT, settings.SECURE_PROXY_SSL_HEADER]",
        DJANGO_DEBUG="0",
        DJANGO_SECRET_KEY=STRONG_KEY,
        DJANGO_ALLOWED_HOSTS="example.org",
        DJANGO_SECURE_SSL_REDIRECT="0",
        DJANGO_SECURE_PROXY_SSL_HEADER="1",
    )
    assert values == [False, ["HTTP_X_FORWARDED_PROTO", "https"]]


# --- Safe by default -----------------------------------------------------------------------------

SCRATCH_DATABASE = "sqlite:////tmp/fabrique-safe-defaults.sqlite3"


def test_debug_is_off_when_the_variable_is_absent():
    result = run_python("-c", "from django.conf import settings; print(settings.DEBUG)")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False"


def test_the_development_settings_switch_debug_on():
    result = run_python(
        "-c", "from django.conf import settings; print(settings.DEBUG)", settings_module="config.settings.dev"
    )
    assert result.stdout.strip() == "True", result.stderr


def test_without_a_key_production_refuses_to_serve_in_french():
    result = run_python("-c", "import config.wsgi", DJANGO_ALLOWED_HOSTS="example.org")
    assert result.returncode != 0
    assert REFUSAL in result.stderr


def test_the_public_development_key_is_refused_in_production():
    result = run_python(
        "-c",
        "import config.wsgi",
        DJANGO_SECRET_KEY="dev-only-insecure-key-never-use-in-production",
        DJANGO_ALLOWED_HOSTS="example.org",
    )
    assert result.returncode != 0
    assert REFUSAL in result.stderr


def test_with_a_strong_key_production_serves():
    result = run_python(
        "-c",
        "import config.wsgi; print('prêt')",
        DJANGO_SECRET_KEY=STRONG_KEY,
        DJANGO_ALLOWED_HOSTS="example.org",
        WAGTAILADMIN_BASE_URL="https://example.org",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "prêt"


def test_commands_that_serve_nothing_run_on_a_laptop_without_the_variable():
    """`manage.py makemigrations` works with no variable at all (debug off, no key needed)."""
    result = run_manage("makemigrations", "--check", "--dry-run", DATABASE_URL=SCRATCH_DATABASE)
    assert result.returncode == 0, result.stderr
    assert "No changes detected" in result.stdout


def test_a_declared_production_host_checks_the_key_on_every_command():
    result = run_manage(
        "makemigrations", "--check", "--dry-run", DJANGO_DEBUG="0", DATABASE_URL=SCRATCH_DATABASE
    )
    assert result.returncode != 0
    assert REFUSAL in result.stderr


def test_check_deploy_reports_a_missing_key_even_without_the_variable():
    result = run_manage("check", "--deploy")
    assert result.returncode != 0
    assert REFUSAL in result.stderr
