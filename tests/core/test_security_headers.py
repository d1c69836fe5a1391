"""Security headers on every kind of response, and public HTML that the strict CSP can serve.

The public policy allows no inline script or style: the crawl below renders one page of every
page type of the demo (and the account, search and error pages) and fails on any inline script,
event handler attribute, `style` attribute or `<style>` element that the browser would block.
"""

from html.parser import HTMLParser

from django.contrib.staticfiles import finders
from django.test import Client, override_settings

from wagtail.models import Page

import pytest

from tests.community.members.factories import PASSWORD, make_user
from tests.community.startups.factories import incubator, startup
from tests.core.taxonomy.factories import PhaseFactory
from tests.home.factories import KeyFiguresPageFactory

STRICT = {
    "script-src 'self'",
    "style-src 'self'",
    "object-src 'none'",
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "img-src 'self' data:",
    "frame-src https://www.youtube-nocookie.com https://www.youtube.com https://player.vimeo.com",
}


def directives(response, header="Content-Security-Policy"):
    return {part.strip() for part in response[header].split(";")}


def assert_strict_policy(response):
    policy = directives(response)
    assert policy >= STRICT, policy
    assert "unsafe-inline" not in response["Content-Security-Policy"]
    assert "unsafe-eval" not in response["Content-Security-Policy"]


def assert_common_headers(response, frame_options="DENY"):
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == frame_options
    assert "camera=()" in response["Permissions-Policy"]
    assert "geolocation=()" in response["Permissions-Policy"]


# A <script> of a non-JavaScript type is a data block: never run, so never blocked by the CSP
# (json_script's data, the JSON-LD breadcrumb of core/templatetags/page_meta.py).
DATA_BLOCK_TYPES = frozenset({"application/json", "application/ld+json"})


class InlineCodeFinder(HTMLParser):
    """Collects what a strict CSP would block: inline scripts and styles, event handlers."""

    def __init__(self):
        super().__init__()
        self.problems = []

    def handle_starttag(self, tag, attrs):
        names = {name for name, _ in attrs}
        values = dict(attrs)
        if tag == "script" and "src" not in names and values.get("type") not in DATA_BLOCK_TYPES:
            self.problems.append(f"<script> en ligne : {self.getpos()}")
        if tag == "style":
            self.problems.append(f"<style> en ligne : {self.getpos()}")
        for name in names:
            if name.startswith("on") or name == "style":
                self.problems.append(f"attribut {name} sur <{tag}> : {self.getpos()}")
        for name in ("href", "src", "action"):
            if (values.get(name) or "").strip().lower().startswith("javascript:"):
                self.problems.append(f"{name}=javascript: sur <{tag}>")


def inline_code(html):
    finder = InlineCodeFinder()
    finder.feed(html)
    return finder.problems


def one_page_per_type():
    """The URL of the first live page of every page type of the demo."""
    urls, seen = [], set()
    for page in Page.objects.live().filter(depth__gt=1).order_by("path").specific():
        if type(page) not in seen:
            seen.add(type(page))
            urls.append(page.url)
    return urls


@pytest.mark.django_db
def test_every_public_page_type_sends_the_strict_policy_and_has_no_inline_code(client, demo_site):
    member = make_user("lecteur")
    urls = one_page_per_type()
    assert len(urls) >= 10, urls  # home, guides, resources, startups, roles, paths, figures…
    anonymous = [
        *urls,
        "/recherche/?q=recrutement",
        "/startups/?phase=construction",
        "/compte/connexion/",
        "/compte/inscription/",
        "/compte/mot-de-passe/oublie/",
    ]
    checked = 0
    for url in anonymous:
        response = client.get(url)
        assert response.status_code == 200, url
        assert_strict_policy(response)
        assert_common_headers(response)
        assert inline_code(response.content.decode()) == [], url
        checked += 1
    client.force_login(member)
    for url in [*urls, "/membres/", "/compte/profil/", "/parcours/mes-parcours/"]:
        response = client.get(url)
        assert response.status_code == 200, url
        assert_strict_policy(response)
        assert inline_code(response.content.decode()) == [], url
        checked += 1
    assert checked > 20


@pytest.mark.django_db
def test_key_figures_bars_are_svg_without_inline_style(client, home):
    KeyFiguresPageFactory(parent=home)
    construction, acceleration = PhaseFactory(slug="construction"), PhaseFactory(slug="acceleration")
    lab = incubator(home, "fabrique-des-territoires", title="Fabrique des territoires")
    startup(home, "Cantine locale", phases=[(construction, "2023-03-01")], incubator=lab)
    startup(home, "Arbres en ville", phases=[(construction, "2022-01-10"), (acceleration, "2024-02-01")])
    html = client.get("/chiffres/").content.decode()
    assert '<rect class="chart__bar" width="' in html
    assert "style=" not in html


def test_not_found_page_sends_the_strict_policy(client, home):
    response = client.get("/cette-page-n-existe-pas/")
    assert response.status_code == 404
    assert_strict_policy(response)
    assert_common_headers(response)
    assert inline_code(response.content.decode()) == []


def test_search_suggestions_json_has_the_headers(client, home):
    response = client.get("/recherche/suggestions/?q=a")
    assert response.status_code == 200
    assert_strict_policy(response)
    assert_common_headers(response)


def test_admin_gets_its_own_policy_and_still_works(client, home):
    response = client.get("/admin/login/")
    assert response.status_code == 200
    policy = directives(response)
    assert "script-src 'self' 'unsafe-inline'" in policy
    assert "frame-ancestors 'self'" in policy
    assert "object-src 'none'" in policy
    assert_common_headers(response)
    coach = make_user("coach", ["Coachs"])
    assert client.post("/admin/login/", {"username": "coach", "password": PASSWORD}).status_code == 302
    assert client.get("/admin/").status_code == 200
    editor = client.get(f"/admin/pages/{home.pk}/edit/")
    assert editor.status_code == 200, coach.groups.all()
    assert "'unsafe-inline'" in editor["Content-Security-Policy"]


def test_page_preview_keeps_the_public_policy_but_may_be_framed_by_the_admin(client, home):
    admin = make_user("admin", is_superuser=True, is_staff=True)
    client.force_login(admin)
    response = client.get(f"/admin/pages/{home.pk}/edit/preview/?mode=")
    assert response.status_code == 200
    assert response["X-Frame-Options"] == "SAMEORIGIN"
    # What the preview panel shows: the page rendered by Wagtail through the middleware chain.
    preview = home.make_preview_request()
    assert preview.status_code == 200
    policy = directives(preview)
    assert "frame-ancestors 'self'" in policy
    assert "script-src 'self'" in policy
    assert "unsafe-inline" not in preview["Content-Security-Policy"]


def test_report_only_mode_reports_instead_of_blocking(client, home, settings):
    # What FABRIQUE_CSP_REPORT_ONLY=1 sets (the variable itself is read in test_settings.py).
    settings.CONTENT_SECURITY_POLICY_REPORT_ONLY = settings.CONTENT_SECURITY_POLICY
    settings.CONTENT_SECURITY_POLICY = None
    response = client.get("/")
    assert "Content-Security-Policy" not in response
    assert "script-src 'self'" in directives(response, "Content-Security-Policy-Report-Only")
    admin = client.get("/admin/login/")
    assert "Content-Security-Policy" not in admin
    assert "'unsafe-inline'" in admin["Content-Security-Policy-Report-Only"]


@override_settings(WHITENOISE_USE_FINDERS=True, WHITENOISE_AUTOREFRESH=True)
def test_static_files_are_served_with_nosniff(db):
    assert finders.find("js/search-suggestions.js")
    response = Client().get("/static/js/search-suggestions.js")
    assert response.status_code == 200
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"


def test_report_only_is_switched_by_the_environment():
    from tests.core.test_settings import read_setting

    enforced, report_only = read_setting(
        "[settings.CONTENT_SECURITY_POLICY, settings.CONTENT_SECURITY_POLICY_REPORT_ONLY]",
        FABRIQUE_CSP_REPORT_ONLY="1",
    )
    assert enforced is None
    assert report_only["DIRECTIVES"]["script-src"] == ["'self'"]


def test_the_crawl_would_catch_inline_code():
    html = (
        '<div style="x"><a onclick="y" href="javascript:alert(1)">a</a><script>1</script>'
        '<script src="/static/a.js"></script><script type="application/json">{}</script><style>p{}</style>'
    )
    assert len(inline_code(html)) == 5
