"""Operations hygiene, checked in fresh processes as a host would start them: the public address and
hosts checked at start in production, the per-process cache refused with several workers, the former
proxy variable refused, optional Sentry, and a production install without the test tools."""

import re

from tests import REPO_ROOT
from tests.core.test_settings import STRONG_KEY, read_setting, run_manage, run_python

PRODUCTION = {
    "DJANGO_DEBUG": "0",
    "DJANGO_SECRET_KEY": STRONG_KEY,
    "DJANGO_ALLOWED_HOSTS": "fabrique.example.org",
    "WAGTAILADMIN_BASE_URL": "https://fabrique.example.org",
}


def start_wsgi(**overrides):
    """`import config.wsgi` (what gunicorn does) with production settings and these changes."""
    env = {name: value for name, value in {**PRODUCTION, **overrides}.items() if value is not None}
    return run_python("-c", "import config.wsgi; print('prêt')", **env)


def test_a_sound_production_configuration_starts():
    result = start_wsgi()
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "prêt"


def test_production_refuses_to_start_without_its_public_address():
    result = start_wsgi(WAGTAILADMIN_BASE_URL=None)
    assert result.returncode != 0
    assert "WAGTAILADMIN_BASE_URL doit être définie" in result.stderr


def test_the_public_address_must_be_https_and_a_served_host():
    result = start_wsgi(WAGTAILADMIN_BASE_URL="http://fabrique.example.org")
    assert "WAGTAILADMIN_BASE_URL doit commencer par https://" in result.stderr
    result = start_wsgi(WAGTAILADMIN_BASE_URL="https://ailleurs.example.net")
    assert result.returncode != 0
    assert "(ailleurs.example.net) doit figurer dans DJANGO_ALLOWED_HOSTS" in result.stderr


def test_production_refuses_any_host():
    result = start_wsgi(DJANGO_ALLOWED_HOSTS="*")
    assert result.returncode != 0
    assert "ne doit pas contenir « * »" in result.stderr


def test_a_declared_production_host_checks_them_on_every_command():
    result = run_manage("check", **{**PRODUCTION, "WAGTAILADMIN_BASE_URL": "http://127.0.0.1:8000"})
    assert result.returncode != 0
    assert "fabrique.E002" in result.stderr


def test_check_deploy_reports_them_too():
    result = run_manage("check", "--deploy", DJANGO_SECRET_KEY=STRONG_KEY, DJANGO_ALLOWED_HOSTS="example.org")
    assert result.returncode != 0
    assert "WAGTAILADMIN_BASE_URL doit être définie" in result.stderr


def test_several_workers_refuse_the_per_process_cache():
    result = run_manage("check", WEB_CONCURRENCY="4")
    assert result.returncode != 0
    assert "fabrique.E003" in result.stderr
    assert "définissez REDIS_URL" in result.stderr
    assert start_wsgi(WEB_CONCURRENCY="4").returncode != 0


def test_several_workers_with_redis_or_one_worker_or_debug_pass():
    # The check reads the configuration only: no Redis server is contacted.
    assert run_manage("check", WEB_CONCURRENCY="4", REDIS_URL="redis://127.0.0.1:6390/0").returncode == 0
    assert run_manage("check", WEB_CONCURRENCY="1").returncode == 0
    assert run_manage("check", WEB_CONCURRENCY="4", DJANGO_DEBUG="1").returncode == 0


def test_the_former_forwarded_for_variable_is_refused_with_its_replacement():
    result = start_wsgi(FABRIQUE_TRUST_X_FORWARDED_FOR="1")
    assert result.returncode != 0
    assert "FABRIQUE_TRUSTED_PROXY_COUNT" in result.stderr


def test_trusted_proxy_count_is_shared_with_allauth():
    values = read_setting(
        "[settings.FABRIQUE_TRUSTED_PROXY_COUNT, settings.ALLAUTH_TRUSTED_PROXY_COUNT]",
        FABRIQUE_TRUSTED_PROXY_COUNT="2",
    )
    assert values == [2, 2]


def test_sentry_is_on_only_with_a_dsn():
    active = "__import__('sentry_sdk').get_client().is_active()"
    assert read_setting(active) is False
    dsn = "https://clef@erreurs.example.org/7"
    assert read_setting(f"[{active}, str(__import__('sentry_sdk').get_client().dsn)]", SENTRY_DSN=dsn) == [
        True,
        dsn,
    ]


def locked_names(lock_file):
    text = (REPO_ROOT / lock_file).read_text()
    return {name.lower(): version for name, version in re.findall(r"^([A-Za-z0-9_.-]+)==(\S+)", text, re.M)}


def test_the_production_lock_has_no_test_tools_and_the_dev_lock_the_same_versions():
    runtime, dev = locked_names("requirements.lock"), locked_names("requirements-dev.lock")
    tools = ("pytest", "playwright", "locust", "ruff", "import-linter", "bandit", "pip-audit", "hypothesis")
    for tool in tools:
        assert tool not in runtime
        assert tool in dev
    assert {"django", "wagtail", "gunicorn", "psycopg", "sentry-sdk"} <= set(runtime)
    assert {name: dev[name] for name in runtime} == runtime
    for lock_file in ("requirements.lock", "requirements-dev.lock"):  # installable with --require-hashes
        blocks = re.split(r"\n(?=[A-Za-z0-9_.-]+==)", (REPO_ROOT / lock_file).read_text())
        assert all("--hash=sha256:" in block for block in blocks[1:])
