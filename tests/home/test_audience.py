"""Cookie-free audience measurement (Matomo): a static script, only when configured, and a CSP that
allows the Matomo server then and only then."""

from pathlib import Path

from django.contrib.staticfiles import finders

import pytest

from tests.core.test_security_headers import assert_strict_policy, inline_code
from tests.core.test_settings import read_setting

MATOMO = "https://stats.example.org"


@pytest.mark.django_db
def test_no_measurement_script_nor_origin_unless_configured(client, home):
    response = client.get("/")
    assert "matomo" not in response.content.decode().lower()
    assert_strict_policy(response)
    assert "stats.example.org" not in response["Content-Security-Policy"]


@pytest.mark.django_db
def test_configured_measurement_loads_a_static_script_without_inline_code(client, home, settings):
    settings.FABRIQUE_MATOMO_ENABLED = True
    settings.FABRIQUE_MATOMO_URL, settings.FABRIQUE_MATOMO_SITE_ID = MATOMO, "12"
    html = client.get("/").content.decode()
    assert (
        '<script src="/static/js/matomo.js" data-matomo-url="https://stats.example.org/" '
        'data-matomo-site="12" defer></script>'
    ) in html
    assert inline_code(html) == []
    assert not client.cookies.get("_pk_id")  # and the script asks Matomo for no cookie:
    script = Path(finders.find("js/matomo.js")).read_text(encoding="utf-8")
    assert '["disableCookies"]' in script and "document.currentScript" in script


def test_the_policy_allows_the_matomo_server_only_when_both_variables_are_set():
    policy = read_setting(
        "settings.CONTENT_SECURITY_POLICY['DIRECTIVES']",
        FABRIQUE_MATOMO_URL=MATOMO + "/",
        FABRIQUE_MATOMO_SITE_ID="12",
    )
    for directive in ("script-src", "connect-src", "img-src"):
        assert MATOMO in policy[directive], directive
    assert MATOMO not in policy["frame-src"] and MATOMO not in policy["default-src"]
    half = read_setting("settings.CONTENT_SECURITY_POLICY['DIRECTIVES']", FABRIQUE_MATOMO_URL=MATOMO)
    assert half["script-src"] == ["'self'"] and half["connect-src"] == ["'self'"]
