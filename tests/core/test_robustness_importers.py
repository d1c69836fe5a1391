"""Importers fed truncated and corrupted files: each bad file rejected with a French reason, the
others imported, nothing half-written, and a re-run imports the file once it is fixed.

What tests/resources/guides/test_guides_import.py and
tests/community/startups/test_startups_validation.py already cover (broken YAML,
Latin-1 text, a SUMMARY entry without its file, impossible dates) is not repeated here.
"""

import json
import shutil
from io import StringIO
from pathlib import Path

from django.core.management import call_command

from wagtail.models import Page, Revision

import pytest

from community.startups.models import StartupPage
from resources.guides.models import GuidePage
from tests import DATA_DIR
from tests.resources.guides.factories import GuideIndexPageFactory

pytestmark = pytest.mark.django_db

DATA = DATA_DIR
BILLION_LAUGHS = "---\n" + "\n".join(
    ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    + [
        f"{chr(98 + n)}: &{chr(98 + n)} [*{chr(97 + n)},*{chr(97 + n)},*{chr(97 + n)},*{chr(97 + n)}]"
        for n in range(8)
    ]
    + ["title: Bombe", "---", "Corps."]
)
DEEP = "---\ntitle: Imbriqué\nextra: " + "[" * 3000 + "]" * 3000 + "\n---\nCorps.\n"
HUGE_BYTES = 20 * 1024 * 1024


def corruptions(good: bytes) -> dict:
    """File name → (how to write it, expected words of the reason). `good` is a valid file's bytes."""
    cut = good.index(b"\n", len(good.split(b"---")[1]) // 2)  # in the middle of the YAML front matter
    return {
        "tronquee.md": (good[:cut], "non refermé"),
        "binaire.md": (bytes(range(256)) * 8, "octet nul"),
        "utf8-invalide.md": (b"---\ntitle: Caf\xc3\x28 \xff\xfe\n---\n", "pas en UTF-8"),
        "nul.md": (good.replace(b"\n", b"\n\x00", 1), "octet nul"),
        "vide.md": (b"", "fichier vide"),
        "bombe.md": (BILLION_LAUGHS.encode(), "démesuré"),
        "imbrique.md": (DEEP.encode(), "imbriqué"),
        "dossier.md": ("dossier", "c'est un dossier"),
        "boucle.md": ("boucle", "en boucle"),
        "enorme.md": ("enorme", "trop volumineux"),
    }


def write_corrupted(folder: Path, good: bytes) -> dict:
    expected = {}
    for name, (content, reason) in corruptions(good).items():
        path = folder / name
        if content == "dossier":
            path.mkdir()
        elif content == "boucle":
            path.symlink_to(path)
        elif content == "enorme":
            with path.open("wb") as handle:  # sparse: 20 MB without writing them
                handle.truncate(HUGE_BYTES)
        else:
            path.write_bytes(content)
        expected[name] = reason
    return expected


def rejected_reasons(report: dict) -> dict:
    return {Path(item["source"]).name: " ".join(item["errors"]) for item in report["rejected"]}


def assert_nothing_half_written():
    """Every page has a revision that points at an existing page; no orphan revision."""
    page_ids = set(Page.objects.values_list("pk", flat=True))
    revision_pages = {int(pk) for pk in Revision.page_revisions.values_list("object_id", flat=True)}
    assert revision_pages <= page_ids
    for page in Page.objects.filter(depth__gt=2).specific():
        if getattr(page, "source_key", ""):
            assert page.revisions.exists(), page


# --- beta.gouv.fr fiches -------------------------------------------------------------------------


def run_betagouv(directory, tmp_path):
    report = tmp_path / f"rapport-{len(list(tmp_path.glob('rapport-*')))}.json"
    call_command("import_betagouv", str(directory), "--publish", "--report", str(report), stdout=StringIO())
    return json.loads(report.read_text(encoding="utf-8"))


@pytest.fixture
def betagouv_tree(home, tmp_path, shared_fixtures):
    """The real phases, incubators and organisations, two real startups, and corrupted fiches."""
    tree = tmp_path / "betagouv"
    real = shared_fixtures / "betagouv"
    for folder in ("phases", "incubators", "organisations"):
        shutil.copytree(real / folder, tree / folder)
    (tree / "startups").mkdir()
    good = sorted((real / "startups").glob("*.md"))[:2]
    for path in good:
        shutil.copy(path, tree / "startups" / path.name)
    return tree, good


def test_betagouv_corrupted_fiches_are_rejected_and_a_fixed_one_is_imported(betagouv_tree, tmp_path):
    tree, good = betagouv_tree
    expected = write_corrupted(tree / "startups", good[0].read_bytes())
    wrong_types = (
        "---\ntitle: [Une, liste]\nmission: {une: mission}\nincubator: [a, b]\n"
        "phases:\n  - name: construction\n    start: {annee: 2023}\n---\nCorps.\n"
    )
    (tree / "startups" / "types.md").write_text(wrong_types, encoding="utf-8")

    report = run_betagouv(tree, tmp_path)

    reasons = rejected_reasons(report)
    for name, words in expected.items():
        assert words in reasons.get(name, ""), (name, reasons.get(name))
        assert "inattendue" not in reasons[name]  # a reason a person can act on, in French
    assert "types.md" in reasons and "inattendue" not in reasons["types.md"], reasons.get("types.md")
    imported = set(StartupPage.objects.values_list("slug", flat=True))
    assert {path.stem for path in good} <= imported
    assert not imported & {Path(name).stem for name in [*expected, "types.md"]}
    assert_nothing_half_written()

    # Fix one file (the truncated one is replaced by its whole version): the re-run imports it.
    (tree / "startups" / "tronquee.md").write_bytes(good[0].read_bytes())
    report = run_betagouv(tree, tmp_path)
    assert "tronquee.md" not in rejected_reasons(report)
    assert StartupPage.objects.filter(slug="tronquee").exists()
    assert_nothing_half_written()


# --- GitBook exports -----------------------------------------------------------------------------


def run_gitbook(directory, tmp_path):
    report = tmp_path / f"rapport-{len(list(tmp_path.glob('rapport-*')))}.json"
    call_command(
        "import_gitbook",
        str(directory),
        "--publish",
        "--report",
        str(report),
        stdout=StringIO(),
        stderr=StringIO(),
    )
    return json.loads(report.read_text(encoding="utf-8"))


def test_gitbook_corrupted_pages_are_rejected_and_a_fixed_one_is_imported(home, tmp_path):
    GuideIndexPageFactory(parent=home)
    export = tmp_path / "mini"
    shutil.copytree(DATA / "gitbook" / "mini", export)
    good = (export / "rituels.md").read_bytes()
    good = b"---\ndescription: Les rituels.\n---\n" + good
    expected = write_corrupted(export, good)
    expected["types.md"] = "description"
    (export / "types.md").write_text("---\ndescription: [une, liste]\n---\n# Types\n", encoding="utf-8")
    summary = (export / "SUMMARY.md").read_text(encoding="utf-8")
    entries = "".join(f"* [{Path(name).stem}]({name})\n" for name in expected)
    (export / "SUMMARY.md").write_text(summary + entries, encoding="utf-8")

    report = run_gitbook(export, tmp_path)

    reasons = rejected_reasons(report)
    for name, words in expected.items():
        assert words in reasons.get(name, ""), (name, reasons.get(name))
        assert "inattendue" not in reasons[name]
    sources = set(GuidePage.objects.values_list("source_key", flat=True))
    assert "gitbook:mini/rituels.md" in sources  # the others went on
    assert not {key for key in sources if Path(key).name in expected}
    assert_nothing_half_written()

    (export / "tronquee.md").write_bytes(good)
    report = run_gitbook(export, tmp_path)
    assert "tronquee.md" not in rejected_reasons(report)
    assert GuidePage.objects.filter(source_key="gitbook:mini/tronquee.md").exists()
    assert_nothing_half_written()
