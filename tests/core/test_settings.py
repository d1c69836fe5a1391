"""Settings come from the environment and production refuses unsafe values."""

import json
import os
import subprocess
import sys

from tests import REPO_ROOT

ROOT = REPO_ROOT
STRONG_KEY = "k" * 30 + "R4nd0m-Str1ng-f0r-T3sts-0nly" + "z" * 10


def run_manage(*args, **env):
    clean_env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "DATABASE_URL", "REDIS_URL"))
    }
    clean_env.update(env)
    clean_env["DJANGO_SETTINGS_MODULE"] = "config.settings.base"
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=clean_env,
        capture_output=True,
        text=True,
        timeout=120,
    )


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
