"""`import_gitbook`: the tree, every GitBook construct, links, redirects, re-runs and malformed input."""

import json
import re
import shutil
from io import StringIO

from django.core.management import call_command
from django.core.management.base import CommandError

from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page

import pytest

from resources.guides.gitbook.summary import parse_summary
from resources.guides.models import GuidePage
from tests import DATA_DIR
from tests.resources.guides.factories import GuideIndexPageFactory

DATA = DATA_DIR / "gitbook"


@pytest.fixture
def guides(home):
    return GuideIndexPageFactory(parent=home)


def run_import(directory, tmp_path, *args):
    report = tmp_path / f"rapport-{len(list(tmp_path.glob('rapport-*')))}.json"
    out = StringIO()
    call_command(
        "import_gitbook", str(directory), "--report", str(report), *args, stdout=out, stderr=StringIO()
    )
    return json.loads(report.read_text(encoding="utf-8")), out.getvalue()


def by_source(space, path):
    return GuidePage.objects.get(source_key=f"gitbook:{space}/{path}")


def walk(data):
    """Every block (type, value) of a page body's raw data, inner streams included."""
    if isinstance(data, dict):
        if "type" in data and "value" in data:
            yield data["type"], data["value"]
        for value in data.values():
            yield from walk(value)
    elif isinstance(data, list):
        for value in data:
            yield from walk(value)


def revisions(pages):
    return {page.pk: page.revisions.count() for page in pages}


# --- A small export of our own with every construct ---------------------------------------------


def test_small_export_builds_the_tree_with_every_construct(guides, tmp_path):
    report, output = run_import(DATA / "mini", tmp_path, "--publish")
    assert (report["created"], report["updated"], report["unchanged"], report["rejected"]) == (5, 0, 0, [])
    assert "Import terminé." in output and "créés : 5" in output

    home = by_source("mini", "README.md")
    investigation = by_source("mini", "investigation/README.md")
    interviews = by_source("mini", "investigation/entretiens.md")
    section = by_source("mini", "SUMMARY.md#pratiques")
    rituals = by_source("mini", "rituels.md")
    # Tree and order from SUMMARY.md; `## Section` becomes a grouping page.
    assert [p.specific.title for p in Page.objects.child_of(guides)] == ["Accueil", "Pratiques"]
    assert investigation.get_parent().pk == home.pk and interviews.get_parent().pk == investigation.pk
    assert rituals.get_parent().pk == section.pk
    # Leading emoji → icon; description → intro and search description.
    assert (home.icon, home.title, section.icon, interviews.icon) == ("👋", "Accueil", "🚀", "🎤")
    assert home.intro == home.search_description == "Le guide de démonstration de l'importeur."
    assert home.live

    types = {
        page.source_key: [t for t, _ in walk(list(page.body.raw_data))] for page in GuidePage.objects.all()
    }
    assert types[home.source_key][:3] == ["paragraph", "callout", "cards"]
    assert set(types[investigation.source_key]) >= {"heading", "callout", "related_pages", "table"}
    assert set(types[interviews.source_key]) >= {
        "steps",
        "checklist",
        "accordion",
        "callout",
        "embed",
        "document",
    }
    assert set(types[rituals.source_key]) >= {"tabs", "callout", "table", "quote", "paragraph"}

    body = json.dumps(list(home.body.raw_data), ensure_ascii=False)
    assert "<mark>surligné</mark>" in body
    assert "&#x20;" not in body and "\\\\" not in body
    heading = next(v for t, v in walk(list(investigation.body.raw_data)) if t == "heading")
    assert heading == {"text": "Pourquoi", "level": "h2", "anchor": "pourquoi"}  # GitBook anchor kept as id
    # A remote image is not downloaded without --fetch-remote: a link, never an <img> the CSP blocks.
    assert not [v for t, v in walk(list(investigation.body.raw_data)) if t == "figure"]
    investigation_body = json.dumps(list(investigation.body.raw_data), ensure_ascii=False)
    assert (
        "https://example.org/schema.png" in investigation_body and "Image : Les étapes" in investigation_body
    )
    checklist = next(v for t, v in walk(list(interviews.body.raw_data)) if t == "checklist")
    assert [(i["text"], i["checked"]) for i in checklist["items"]] == [
        ("Recruter cinq usagers", False),
        ("Réserver une salle", True),
    ]
    rituals_body = json.dumps(list(rituals.body.raw_data), ensure_ascii=False)
    assert "Rappel inclus" in rituals_body  # .gitbook/includes resolved
    assert "swagger" in rituals_body  # unknown construct kept as text…
    messages = [w["message"] for w in report["warnings"]]
    assert any("inconnue" in m and "swagger" in m for m in messages)  # …and reported
    assert any("https://example.org/schema.png" in m for m in messages)  # remote image listed
    assert any("absente-du-sommaire.md" in m for m in messages)  # missing link target
    assert any("lien externe ignoré" in m for m in messages)


def test_relative_md_links_become_internal_page_links(guides, tmp_path):
    run_import(DATA / "mini", tmp_path, "--publish")
    home = by_source("mini", "README.md")
    investigation = by_source("mini", "investigation/README.md")
    interviews = by_source("mini", "investigation/entretiens.md")
    rituals = by_source("mini", "rituels.md")
    home_body = json.dumps(list(home.body.raw_data))
    # Forward links (to pages created after this one) are resolved too.
    assert f'id=\\"{investigation.pk}\\" linktype=\\"page\\"' in home_body
    assert f'id=\\"{interviews.pk}\\" linktype=\\"page\\"' in home_body
    cards = next(v for t, v in walk(list(home.body.raw_data)) if t == "cards")
    assert [c["page"] for c in cards["cards"]] == [investigation.pk, rituals.pk]
    related = next(v for t, v in walk(list(investigation.body.raw_data)) if t == "related_pages")
    assert [link["page"] for link in related["links"]] == [interviews.pk, rituals.pk]
    assert ".md" not in home_body
    html = Page.objects.get(pk=home.pk).specific.serve
    response = home.serve
    assert html and response  # rendered below through the client
    from django.test import Client

    page_html = Client().get(home.url).content.decode()
    assert f'href="{investigation.url}"' in page_html


def test_gitbook_redirects_keep_old_addresses_working(guides, tmp_path, client):
    report, output = run_import(DATA / "mini", tmp_path, "--publish")
    redirect = Redirect.objects.get(old_path="/ancien-accueil")
    assert redirect.redirect_page_id == by_source("mini", "README.md").pk
    response = client.get("/vieux/rituels/")
    assert response.status_code == 301 and response["Location"].endswith(by_source("mini", "rituels.md").url)
    assert "redirections : 2 créées" in output
    assert any("disparue" in w["message"] for w in report["warnings"])
    assert any("trop longue" in w["message"] for w in report["warnings"])  # > 255 characters
    assert Redirect.objects.count() == 2


def test_second_run_reports_everything_unchanged_without_new_revisions(guides, tmp_path):
    run_import(DATA / "mini", tmp_path, "--publish")
    before = revisions(GuidePage.objects.all())
    report, _ = run_import(DATA / "mini", tmp_path, "--publish")
    assert (report["created"], report["updated"], report["unchanged"]) == (0, 0, 5)
    assert revisions(GuidePage.objects.all()) == before


def test_unpublished_import_is_also_unchanged_on_second_run(guides, tmp_path):
    run_import(DATA / "mini", tmp_path)
    assert not GuidePage.objects.live().exists()
    report, _ = run_import(DATA / "mini", tmp_path)
    assert (report["created"], report["updated"], report["unchanged"]) == (0, 0, 5)


def test_dry_run_saves_nothing(guides, tmp_path):
    report, output = run_import(DATA / "mini", tmp_path, "--dry-run", "--publish")
    assert report["created"] == 5
    assert "Simulation" in output
    assert not GuidePage.objects.exists() and not Redirect.objects.exists()


def test_parent_option_accepts_an_id_or_an_address(guides, tmp_path):
    from tests.resources.guides.factories import GuidePageFactory

    holder = GuidePageFactory(parent=guides, title="Archives", slug="archives")
    run_import(DATA / "mini", tmp_path, "--parent", "/guides/archives/")
    assert by_source("mini", "README.md").get_parent().pk == holder.pk
    with pytest.raises(CommandError, match="page parente introuvable"):
        run_import(DATA / "mini", tmp_path, "--parent", "/nulle-part/")


def test_directory_without_summary_is_refused_in_french(guides, tmp_path):
    with pytest.raises(CommandError, match="SUMMARY.md est introuvable"):
        run_import(tmp_path, tmp_path)


# --- Malformed input ----------------------------------------------------------------------------


def break_export(export):
    """Overlay tests/data/gitbook/broken on a copy of the small export, plus a Latin-1 page.

    The Latin-1 file is written here rather than stored: linters read every `.md` of the repo as UTF-8.
    """
    shutil.copytree(DATA / "broken", export, dirs_exist_ok=True)
    latin1 = "# Entretiens\n\nCafé et entretiens.\n".encode("latin-1")
    (export / "investigation" / "entretiens.md").write_bytes(latin1)


def test_malformed_pages_are_rejected_with_a_reason_and_leave_their_page_as_it_was(guides, tmp_path):
    export = tmp_path / "mini"
    shutil.copytree(DATA / "mini", export)
    run_import(export, tmp_path, "--publish")
    pages = {page.source_key: page for page in GuidePage.objects.all()}
    snapshot = {key: (page.title, json.dumps(list(page.body.raw_data))) for key, page in pages.items()}
    before = revisions(pages.values())

    # Break the export: broken YAML, unclosed hint, Latin-1 bytes, a SUMMARY entry without its file.
    break_export(export)
    report, output = run_import(export, tmp_path, "--publish")

    reasons = {item["source"]: " ".join(item["errors"]) for item in report["rejected"]}
    assert set(reasons) == {"README.md", "rituels.md", "investigation/entretiens.md", "manquante.md"}
    assert "en-tête YAML illisible" in reasons["README.md"]
    assert "{% hint %}" in reasons["rituels.md"] and "jamais refermé" in reasons["rituels.md"]
    assert "ligne 3" in reasons["rituels.md"]
    assert "n'est pas en UTF-8" in reasons["investigation/entretiens.md"]
    assert "fichier absent" in reasons["manquante.md"] and "SUMMARY.md" in reasons["manquante.md"]
    assert "rejetés : 4" in output
    # The others went on; the rejected pages were left exactly as they were.
    assert report["unchanged"] == 2  # investigation/README.md and the section
    for key, page in pages.items():
        page.refresh_from_db()
        assert (page.title, json.dumps(list(page.body.raw_data))) == snapshot[key]
    assert revisions(pages.values()) == before
    assert not GuidePage.objects.filter(source_key__endswith="manquante.md").exists()


def test_broken_first_import_creates_nothing_for_the_rejected_pages(guides, tmp_path):
    export = tmp_path / "mini"
    shutil.copytree(DATA / "mini", export)
    break_export(export)
    report, _ = run_import(export, tmp_path, "--publish")
    assert len(report["rejected"]) == 4
    keys = set(GuidePage.objects.values_list("source_key", flat=True))
    assert keys == {"gitbook:mini/investigation/README.md", "gitbook:mini/SUMMARY.md#pratiques"}
    # A child of a rejected page hangs under the nearest page that exists.
    assert by_source("mini", "investigation/README.md").get_parent().pk == guides.pk


# --- The real GitBook exports -------------------------------------------------------------------

HINT = re.compile(r"\{%\s*hint\b")
FIGURE = re.compile(r"<figure\b")
MD_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
CARDS_TABLE = re.compile(r'<table[^>]*data-view="cards"[^>]*>.*?</table>', re.S)
ANY_TABLE = re.compile(r"<table\b.*?</table>|^\|[^\n]*$", re.S | re.M)
IMG = re.compile(r"<img\b")
INCLUDE = re.compile(r'\{%\s*include\s+"([^"]+)"')


def source_counts(root):
    """Hints, cards and figures written in the files the import reads (SUMMARY entries that exist)."""
    counts = {"callout": 0, "card": 0, "figure": 0}
    for entry in parse_summary(root):
        path = root / entry.path
        if entry.kind != "page" or not path.is_file():
            continue
        texts = [path.read_text(encoding="utf-8")]
        for include in INCLUDE.findall(texts[0]):
            texts.append(
                (root / ".gitbook" / "includes" / include.split(".gitbook/includes/")[1]).read_text()
            )
        for text in texts:
            counts["callout"] += len(HINT.findall(text))
            # Every image outside a table is a figure (`<figure>`, a bare `<img>` or `![]()`); images
            # in table cells stay in their cell as text.
            outside_tables = ANY_TABLE.sub("", text)
            assert len(FIGURE.findall(outside_tables)) <= len(IMG.findall(outside_tables))
            counts["figure"] += len(IMG.findall(outside_tables)) + len(MD_IMAGE.findall(outside_tables))
            counts["card"] += sum(table.count("<tr>") - 1 for table in CARDS_TABLE.findall(text))
    return counts


def page_counts(pages):
    counts = {"callout": 0, "card": 0, "figure": 0}
    for page in pages:
        # A remote image not downloaded (no --fetch-remote) is a link « Image : … », not a figure.
        counts["figure"] += json.dumps(list(page.body.raw_data), ensure_ascii=False).count(">Image : ")
        for block_type, value in walk(list(page.body.raw_data)):
            if block_type in ("callout", "figure"):
                counts[block_type] += 1
            elif block_type == "cards":
                counts["card"] += len(value["cards"])
    return counts


@pytest.mark.parametrize("space", ["doc.incubateur.net-communaute", "doc.incubateur.net-startups"])
def test_real_export_is_imported_without_losing_a_construct(guides, tmp_path, shared_fixtures, space):
    root = shared_fixtures / "guides" / space
    report, _ = run_import(root, tmp_path, "--publish")
    entries = [e for e in parse_summary(root) if e.kind != "external"]
    present = [e for e in entries if e.kind == "section" or (root / e.path).is_file()]
    # Every SUMMARY entry with its file is a page; the others are rejected with the reason.
    assert report["created"] == len(present)
    assert len(report["rejected"]) == len(entries) - len(present)
    assert all("fichier absent de l'export" in item["errors"][0] for item in report["rejected"])
    pages = list(GuidePage.objects.filter(source_key__startswith=f"gitbook:{space}/"))
    assert len(pages) == len(present)

    # The tree follows SUMMARY.md: each page's parent is its nearest imported ancestor entry.
    keys = {page.source_key: page for page in pages}
    for entry in present:
        page = keys[f"gitbook:{space}/{entry.source}"]
        expected = next(
            (
                keys[f"gitbook:{space}/{a.source}"]
                for a in entry.ancestors()
                if f"gitbook:{space}/{a.source}" in keys
            ),
            guides,
        )
        assert page.get_parent().pk == expected.pk, entry.source

    # No hint, card or figure of the source is lost.
    expected_counts = source_counts(root)
    assert page_counts(pages) == expected_counts
    assert expected_counts["callout"] > 0

    # Internal links point to existing pages, and no raw `.md` link is left.
    ids = set(GuidePage.objects.values_list("pk", flat=True))
    linked = 0
    for page in pages:
        raw = json.dumps(list(page.body.raw_data))
        for page_id in re.findall(r'id=\\"(\d+)\\" linktype=\\"page\\"', raw):
            assert int(page_id) in ids
            linked += 1
        assert not re.search(r'href=\\"(?!https?:)[^"\\]*\.md', raw), page.source_key
        for block_type, value in walk(list(page.body.raw_data)):
            if block_type == "related_pages":
                assert all(link["page"] in ids for link in value["links"] if link["page"])
    if space.endswith("communaute"):
        assert linked > 0

    # Every page renders.
    from django.test import Client

    client = Client()
    for page in pages:
        assert client.get(page.url).status_code == 200, page.url

    # Second run: everything unchanged, no new revision.
    before = revisions(pages)
    again, _ = run_import(root, tmp_path, "--publish")
    assert (again["created"], again["updated"], again["unchanged"]) == (0, 0, len(present))
    assert revisions(pages) == before
