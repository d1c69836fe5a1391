"""`import_gitbook` on the real guides: nested lists, attachments, old addresses and SUMMARY.md order.

Every page of both fixture guides is imported, then served: what a reader gets is compared with
what markdown-it reads in the source, page by page.
"""

import hashlib
import json
import re
import shutil
from io import StringIO

from django.core.management import call_command

from wagtail.contrib.redirects.models import Redirect
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page

import pytest
from bs4 import BeautifulSoup

from core.importing import parse_markdown, split_front_matter
from resources.guides.gitbook.summary import parse_summary
from resources.guides.models import GuidePage
from tests import DATA_DIR, SHARED_FIXTURES_DIR
from tests.resources.guides.factories import GuideIndexPageFactory

GUIDES = SHARED_FIXTURES_DIR / "guides"
SPACES = ["doc.incubateur.net-communaute", "doc.incubateur.net-startups"]
COMMUNAUTE = GUIDES / SPACES[0]
BASE_URL = "https://doc.incubateur.net/communaute"
# GitBook's own tags are cut out before Markdown is read: in the source count they end a list too.
GITBOOK_TAG = re.compile(r"\{%.*?%\}|</?details[^>]*>|<summary>.*?</summary>", re.S)


@pytest.fixture
def guides(home):
    return GuideIndexPageFactory(parent=home)


def run_import(directory, tmp_path, *args):
    report = tmp_path / f"rapport-{len(list(tmp_path.glob('rapport-*')))}.json"
    out = StringIO()
    call_command(
        "import_gitbook", str(directory), "--publish", "--report", str(report), *args, stdout=out, stderr=out
    )
    return json.loads(report.read_text(encoding="utf-8")), out.getvalue()


def source_lists(text: str) -> tuple[int, int]:
    """(list items, deepest list nesting) of a page's Markdown, as markdown-it reads it."""
    body = GITBOOK_TAG.sub("\n\n", split_front_matter(text)[1])
    items = depth = deepest = 0
    for token in parse_markdown(body):
        if token.type in ("bullet_list_open", "ordered_list_open"):
            depth += 1
            deepest = max(deepest, depth)
        elif token.type in ("bullet_list_close", "ordered_list_close"):
            depth -= 1
        elif token.type == "list_item_open":
            items += 1
    return items, deepest


def page_lists(html: str) -> tuple[int, int]:
    """(list items, deepest nesting) of the content lists of a served guide page.

    Content lists are the class-less `<ul>`/`<ol>` of rich text (DSFR components carry classes);
    a checklist is a list of checkboxes, its items at depth 1 and the lists in their details below.
    Lists inside HTML tables or cards are left out: the source holds them as HTML, not Markdown.
    """
    body = BeautifulSoup(html, "html.parser").select_one(".guide-body")
    items = deepest = 0
    for item in body.find_all("li"):
        if item.parent.get("class") or item.find_parent(["table"]) or item.find_parent(class_="fr-card"):
            continue
        lists = [p for p in item.parents if p.name in ("ul", "ol") and not p.get("class")]
        in_checklist = item.find_parent(class_="fabrique-checklist") is not None
        items += 1
        deepest = max(deepest, len(lists) + in_checklist)
    tasks = body.select(".fabrique-checklist .fr-checkbox-group")
    if tasks:
        items += len(tasks)
        deepest = max(deepest, 1)
    return items, deepest


@pytest.mark.parametrize("space", SPACES)
def test_every_page_keeps_its_nested_lists_and_task_lists(guides, tmp_path, client, space):
    report, _ = run_import(GUIDES / space, tmp_path)
    # The fixtures are a sample: SUMMARY.md lists pages left out of it, and only those are rejected.
    assert all("fichier absent de l'export" in r["errors"][0] for r in report["rejected"])
    mismatches, nested = [], 0
    for entry in parse_summary(GUIDES / space):
        if entry.kind != "page" or not (GUIDES / space / entry.path).is_file():
            continue
        page = GuidePage.objects.get(source_key=f"gitbook:{space}/{entry.path}")
        response = client.get(page.url)
        assert response.status_code == 200, entry.path
        expected = source_lists((GUIDES / space / entry.path).read_text(encoding="utf-8"))
        served = page_lists(response.content.decode())
        nested += expected[1] > 1
        if served != expected:
            mismatches.append((entry.path, "source", expected, "page", served))
    assert mismatches == []
    assert nested >= 3  # the guides do nest lists: the comparison is not vacuous


def test_task_lists_become_checklists_with_their_sub_items(guides, tmp_path):
    run_import(GUIDES / SPACES[1], tmp_path)
    page = GuidePage.objects.get(source_key__endswith="la-vie-dune-se/situation-dysfonctionnelle.md")
    checklists = [b.value for b in page.body if b.block_type == "checklist"]
    items = [item for checklist in checklists for item in checklist["items"]]
    assert len(items) == 5 and not any(item["checked"] for item in items)
    assert items[0]["text"].startswith("La transparence et l’horizontalité")
    assert "<ul>" in items[0]["details"].source  # « Par exemple, vous identifiez que : » and its sub-list


def test_attachments_are_imported_once_and_shown(guides, tmp_path, client):
    Image, Document = get_image_model(), get_document_model()
    report, output = run_import(COMMUNAUTE, tmp_path)
    images, documents = Image.objects.count(), Document.objects.count()
    # The fixture's attachments are all pictures, each used by a page: one image per distinct content.
    contents = {
        hashlib.sha1(p.read_bytes()).hexdigest() for p in (COMMUNAUTE / ".gitbook" / "assets").iterdir()
    }
    assert images == len(contents) > 10
    assert set(Image.objects.values_list("file_hash", flat=True)) == contents
    assert "pièces jointes :" in output
    # Each one is shown: a figure of the library's image on the page that used it.
    page = GuidePage.objects.get(source_key=f"gitbook:{COMMUNAUTE.name}/bilan-2025-beta.gouv.fr.md")
    html = client.get(page.url).content.decode()
    figures = [b.value for b in page.body if b.block_type == "figure"]
    assert figures and all(f["image"] is not None for f in figures)
    assert html.count('src="/media/images/') >= len(figures)
    assert "<img" not in re.sub(r'<img[^>]+src="/(media|static)/[^"]*"[^>]*>', "", html)  # nothing remote
    # A missing attachment is a warning naming the page, never a rejection.
    missing = [
        w for w in report["warnings"] if "absente de l'export" in w["message"] and ".gitbook" in w["message"]
    ]
    assert missing and all(w["source"].endswith(".md") for w in missing)
    # A re-run creates nothing, and reports every page unchanged.
    report, output = run_import(COMMUNAUTE, tmp_path)
    assert (Image.objects.count(), Document.objects.count()) == (images, documents)
    assert report["created"] == report["updated"] == 0 and "inchangés" in output


def test_every_old_gitbook_address_redirects_to_its_page(guides, tmp_path, client):
    run_import(COMMUNAUTE, tmp_path, "--gitbook-base-url", BASE_URL)
    checked = 0
    for entry in parse_summary(COMMUNAUTE):
        if entry.kind != "page" or not (COMMUNAUTE / entry.path).is_file():
            continue
        page = GuidePage.objects.get(source_key=f"gitbook:{COMMUNAUTE.name}/{entry.path}")
        assert page.source_url.startswith(BASE_URL)
        old_path = page.source_url.removeprefix("https://doc.incubateur.net")
        response = client.get(old_path)
        assert (response.status_code, response["Location"]) == (301, page.url), entry.path
        checked += 1
    assert checked > 30
    # A README variant gives its folder's address, not « readme-doc-incubateur-net ».
    standards = GuidePage.objects.get(source_key__endswith="les-standards/README-doc-incubateur-net.md")
    assert standards.slug == "les-standards"
    assert standards.source_url == BASE_URL + "/les-standards"
    # `.gitbook.yaml` redirects take the same prefix.
    assert Redirect.objects.filter(old_path__startswith="/communaute/travailler-a-beta-gouv/").exists()


def test_redirect_prefix_option_replaces_the_base_url_path(guides, tmp_path, client):
    run_import(COMMUNAUTE, tmp_path, "--gitbook-base-url", BASE_URL, "--redirect-prefix", "/ancien")
    page = GuidePage.objects.get(source_key__endswith="les-standards/README-doc-incubateur-net.md")
    response = client.get("/ancien/les-standards")
    assert (response.status_code, response["Location"]) == (301, page.url)


def test_reimport_follows_summary_moves_order_and_removals(guides, tmp_path):
    export = tmp_path / "mini"
    shutil.copytree(DATA_DIR / "gitbook" / "mini", export)
    run_import(export, tmp_path)
    assert [p.title for p in Page.objects.child_of(guides)] == ["Accueil", "Pratiques"]
    # The section now comes first; « Rituels » moves under « Accueil », before « Investigation »;
    # « Entretiens » leaves the summary.
    (export / "SUMMARY.md").write_text(
        "# Table of contents\n\n## 🚀 Pratiques\n\n* [Site externe](https://example.org/guide)\n\n"
        "## Démarrer\n\n* [👋 Accueil](README.md)\n  * [Rituels](rituels.md)\n"
        "  * [Investigation](investigation/README.md)\n",
        encoding="utf-8",
    )
    report, output = run_import(export, tmp_path)
    home = GuidePage.objects.get(source_key="gitbook:mini/README.md")
    assert [p.title for p in Page.objects.child_of(home)] == ["Rituels", "Investigation"]
    assert [p.title for p in Page.objects.child_of(guides)] == ["Pratiques", "Démarrer"]
    interviews = GuidePage.objects.get(source_key="gitbook:mini/investigation/entretiens.md")
    assert not interviews.live  # unpublished, not deleted
    assert any(
        w["source"] == "investigation/entretiens.md" and "retirée de SUMMARY.md" in w["message"]
        for w in report["warnings"]
    )
    assert "1 dépubliée(s)" in output
    # Nothing moves on a second run.
    report, output = run_import(export, tmp_path)
    assert "0 groupe(s) de pages réordonné(s)" in output and report["updated"] == 0
