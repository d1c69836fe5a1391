"""XSS payloads (tests/data/xss_payloads.txt) in every field a member or an editor can write.

Members write through the public forms (contribution, profile, page feedback, improvement
proposal); editors' rich text is saved the way the admin's editor saves it, including forged link
entities with `javascript:` URLs. Every page that shows those values is then parsed: no element,
attribute or URL may be able to run script.
"""

import json

from django.core.cache import caches
from django.test import Client

from wagtail.rich_text import RichText

import pytest

from community.members.models import Member
from core.importing import sanitize_richtext
from core.taxonomy.models import Phase, Role
from tests.community.members.factories import MemberFactory, UserFactory
from tests.community.startups.factories import startup
from tests.core.robustness import build_site
from tests.resources.guides.factories import GuidePageFactory
from tests.resources.library.factories import ResourceKindFactory, ResourcePageFactory
from tests.xss import PAYLOADS, as_editor_would, executable_markup, forged_link, pack, url_payloads

pytestmark = pytest.mark.django_db


def test_the_payload_file_is_big_enough():
    assert len(PAYLOADS) >= 50
    assert len(set(PAYLOADS)) == len(PAYLOADS)


def test_the_checker_finds_each_payload_when_not_escaped():
    """The check must be able to fail: raw payloads are caught (the text-only ones are not markup)."""
    caught = [payload for payload in PAYLOADS if executable_markup(f'<a href="{payload}">x</a>{payload}')]
    assert len(caught) >= 50


def rich_text_with_every_payload() -> str:
    typed = as_editor_would(PAYLOADS)
    links = "".join(forged_link(url) for url in url_payloads())
    # HTML pasted or imported goes through the same whitelist as the importers' (home.importing).
    pasted = sanitize_richtext("".join(f"<p>{payload}</p>" for payload in PAYLOADS))
    return typed + links + pasted


@pytest.fixture
def xss_site(home):
    site = build_site(home)
    body = [("paragraph", RichText(rich_text_with_every_payload()))]
    guides = site["guide"].get_parent()
    for title, intro in zip(pack(PAYLOADS, 255), pack(PAYLOADS, 1000) * 3, strict=False):
        GuidePageFactory(parent=guides, title=title, intro=intro, body=body)
    # Taxonomy labels (editable by coaches) show up in facets and in "active filters".
    labels = pack(PAYLOADS, 120)
    kinds = [ResourceKindFactory(slug=f"type-xss-{n}", name=label) for n, label in enumerate(labels)]
    phases = [Phase.objects.create(slug=f"phase-xss-{n}", name=label) for n, label in enumerate(labels)]
    roles = [Role.objects.create(slug=f"role-xss-{n}", name=label) for n, label in enumerate(labels)]
    for n, title in enumerate(pack(PAYLOADS, 255)):
        resource = ResourcePageFactory(
            parent=site["resources"], title=title, intro=PAYLOADS[n], kind=kinds[n % len(kinds)], body=body
        )
        resource.phases.set(phases)
        resource.roles.set(roles)
        resource.save()
        startup(home, f"startup-xss-{n}", mission=title, phases=[(phases[n % len(phases)], "2024-01-01")])
    # Members: one through the profile form (the member's own path), the others as an import would.
    member_client = Client()
    member_client.force_login(site["member_user"])
    response = member_client.post(
        "/compte/profil/",
        {
            "full_name": PAYLOADS[0],
            "bio": pack(PAYLOADS, 1000)[0],
            "competences": '<b>x</b>, " onmouseover=x',
        },
    )
    assert response.status_code == 302
    for n, (name, bio) in enumerate(zip(pack(PAYLOADS, 200), pack(PAYLOADS, 1000) * 5, strict=False)):
        MemberFactory(full_name=name, bio=bio, competences=PAYLOADS[n * 3 : n * 3 + 3], mentoring=True)
    # Contributions, feedback and improvement proposals through their public forms.
    for title, intro in zip(pack(PAYLOADS, 255), pack(PAYLOADS, 600) * 2, strict=False):
        caches["ratelimit"].clear()  # the forms' rate limit
        response = member_client.post(
            site["contribuer"].url,
            {
                "title": title,
                "intro": intro,
                "kind": site["kind"].pk,
                "external_url": "https://beta.gouv.fr/",
            },
        )
        assert response.status_code == 302, response.content[:1000]
    for comment in pack(PAYLOADS, 1000):
        caches["ratelimit"].clear()
        response = member_client.post(
            "/avis/", {"page": site["guide"].pk, "useful": "non", "comment": comment}
        )
        assert response.status_code == 302
        caches["ratelimit"].clear()
        response = member_client.post(f"/ameliorer/{site['guide'].pk}/", {"text": comment})
        assert response.status_code == 302
    for alias in ("default", "ratelimit"):  # cached pages and rate-limit counters
        caches[alias].clear()
    return site


def assert_nothing_executes(client, url, *, admin=False):
    response = client.get(url)
    assert response.status_code == 200, url
    problems = executable_markup(response.content.decode(), admin=admin)
    assert not problems, f"{url} : {problems[:10]}"
    return response


def public_urls(site) -> list[str]:
    from wagtail.models import Page

    pages = [page.url for page in Page.objects.live().descendant_of(site["home"], inclusive=True).specific()]
    listings = [f"{site['resources'].url}?page={n}" for n in (1, 2)] + [
        f"{site['resources'].url}?phase=phase-xss-0&role=role-xss-1&type=type-xss-2&q=alert",
        "/startups/?phase=phase-xss-0&phase=phase-xss-1&q=script",
    ]
    searches = [f"/recherche/?q={word}" for word in ("alert", "script lien", "XSS", "onerror")]
    searches.append("/recherche/?q=alert&phase=phase-xss-0&role=role-xss-1&type=type-xss-2")
    return pages + listings + searches


def test_public_pages_show_every_payload_as_text(xss_site):
    client = Client()
    for url in public_urls(xss_site):
        assert_nothing_executes(client, url)


def test_member_pages_show_every_payload_as_text(xss_site):
    client = Client()
    client.force_login(xss_site["member_user"])
    for n in (1, 2, 3):
        assert_nothing_executes(client, f"/membres/?page={n}")
    assert_nothing_executes(client, "/membres/?competence=%3Cb%3Ex%3C%2Fb%3E&mentorat=oui&q=alert")
    for slug in Member.objects.values_list("slug", flat=True):
        assert_nothing_executes(client, f"/membres/{slug}/")
    assert_nothing_executes(client, "/compte/profil/")
    assert_nothing_executes(client, "/compte/contributions/")


def test_admin_moderation_views_show_every_payload_as_text(xss_site):
    from resources.library.models import ResourcePage

    admin = UserFactory(username="admin-xss", is_superuser=True, is_staff=True)
    client = Client()
    client.force_login(admin)
    contributions = ResourcePage.objects.filter(live=False)
    assert contributions.exists()
    urls = [
        "/admin/",
        "/admin/avis/",
        f"/admin/avis/{xss_site['guide'].pk}/",
        "/admin/propositions/",
        f"/admin/pages/{xss_site['resources'].pk}/",
        f"/admin/pages/{contributions.first().pk}/edit/",
        f"/admin/pages/{xss_site['guide'].get_parent().pk}/",
    ]
    for url in urls:
        assert_nothing_executes(client, url, admin=True)


def test_search_suggestions_json_escapes_every_payload(xss_site):
    client = Client()
    for query in ("alert", "script", "lien", "<script>alert(1)</script>", '"><img src=x onerror=alert(1)>'):
        response = client.get("/recherche/suggestions/", {"q": query})
        assert response.status_code == 200
        assert response["Content-Type"] == "application/json"
        data = json.loads(response.content)
        body = response.content.decode()
        # Titles come back as data; no raw markup character that a careless consumer could inject.
        assert "<" not in body and ">" not in body, body[:300]
        assert all(isinstance(item["title"], str) for item in data["suggestions"])
    response = client.get("/recherche/suggestions/", {"q": "alert"})
    assert json.loads(response.content)["suggestions"], "les titres piégés doivent être suggérés"


GITBOOK_PAGE = """---
description: <script>alert('description')</script>
---

# Piège <img src=x onerror=alert(1)>

Un [lien markdown](javascript:alert(2)) et <a href="javascript:alert(3)">un lien HTML</a>,
<a href="jav&#x09;ascript:alert(4)">obfusqué</a>, <a href=" JAVASCRIPT:alert(5)">majuscules</a>.

{% embed url="javascript:alert(6)" %}
Une vidéo piégée.
{% endembed %}

{% content-ref url="javascript:alert(7)" %}
Pour aller plus loin
{% endcontent-ref %}

{% file src="javascript:alert(8)" %}
Un fichier
{% endfile %}

<figure><img src="javascript:alert(9)" alt="x"><figcaption>image</figcaption></figure>

![image](data:text/html,<script>alert(10)</script>)

<table data-view="cards"><thead><tr><th></th>\
<th data-hidden data-card-target data-type="content-ref"></th>\
<th data-hidden data-card-cover data-type="files"></th></tr></thead><tbody><tr>\
<td><strong>Carte</strong></td><td><a href="javascript:alert(11)">cible</a></td>\
<td><a href="javascript:alert(12)">image</a></td></tr></tbody></table>

{% hint style="info\\" onmouseover=\\"alert(13)" %}
Un encadré.
{% endhint %}
"""


def test_imported_gitbook_page_with_hostile_links_executes_nothing(home, tmp_path):
    """The importer writes StreamField values directly (no admin form validates their URLs)."""
    from io import StringIO

    from django.core.management import call_command

    from resources.guides.models import GuidePage
    from tests.resources.guides.factories import GuideIndexPageFactory

    GuideIndexPageFactory(parent=home)
    export = tmp_path / "piege"
    export.mkdir()
    (export / "SUMMARY.md").write_text("# Sommaire\n\n* [Piège](README.md)\n", encoding="utf-8")
    (export / "README.md").write_text(GITBOOK_PAGE, encoding="utf-8")
    call_command("import_gitbook", str(export), "--publish", stdout=StringIO(), stderr=StringIO())
    page = GuidePage.objects.get(source_key="gitbook:piege/README.md")
    assert_nothing_executes(Client(), page.url)


def test_imported_startup_fiche_with_hostile_links_executes_nothing(home, tmp_path):
    from io import StringIO

    from django.core.management import call_command

    startups = tmp_path / "betagouv" / "startups"
    startups.mkdir(parents=True)
    (startups / "piege.md").write_text(
        "---\ntitle: Piège <script>alert(1)</script>\nmission: '\" onmouseover=\"alert(2)'\n"
        "link: javascript:alert(3)\nrepository: ' JaVaScRiPt:alert(4)'\nstats_url: data:text/html,x\n"
        "contact: javascript:alert(5)\n---\n## Problème\n\n"
        "[lien](javascript:alert(6)) <svg onload=alert(7)>\n",
        encoding="utf-8",
    )
    call_command("import_betagouv", str(tmp_path / "betagouv"), "--publish", stdout=StringIO())
    from community.startups.models import StartupPage

    page = StartupPage.objects.get(slug="piege")
    client = Client()
    assert_nothing_executes(client, page.url)
    assert_nothing_executes(client, page.get_parent().url)


@pytest.mark.parametrize("url", [payload for payload in url_payloads() if "<" not in payload][:8])
def test_link_blocks_written_directly_never_render_a_script_url(url):
    """Defence in depth: block values an importer writes without the admin's URL validation."""
    from core.blocks import DocumentBlock, EmbedBlock, RelatedPagesBlock

    rendered = [
        EmbedBlock().render(EmbedBlock().to_python({"url": url, "title": "", "caption": ""})),
        DocumentBlock().render(
            DocumentBlock().to_python({"url": url, "title": "Fichier", "description": ""})
        ),
        RelatedPagesBlock().render(
            RelatedPagesBlock().to_python({"title": "", "links": [{"page": None, "url": url, "title": "x"}]})
        ),
    ]
    for html in rendered:
        assert not executable_markup(html), html
