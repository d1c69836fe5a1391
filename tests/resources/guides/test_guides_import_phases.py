"""`import_gitbook` tags the pages of a folder named after a phase (« investigation/ ») with it."""

import json
from io import StringIO

from django.core.management import call_command

import pytest

from resources.guides.models import GuidePage
from tests.core.taxonomy.factories import PhaseFactory
from tests.resources.guides.factories import GuideIndexPageFactory

pytestmark = pytest.mark.django_db

SUMMARY = """# Table of contents

* [La vie d'une startup d'État](la-vie-dune-se/README.md)
  * [Investigation](la-vie-dune-se/investigation/README.md)
    * [Les entretiens](la-vie-dune-se/investigation/entretiens.md)
  * [Construction](la-vie-dune-se/construction/README.md)
* [Le budget](budget.md)
"""


def write_export(root):
    files = {
        "SUMMARY.md": SUMMARY,
        "la-vie-dune-se/README.md": "# La vie d'une startup d'État\n\nLes phases.\n",
        "la-vie-dune-se/investigation/README.md": "# Investigation\n\nComprendre le problème.\n",
        "la-vie-dune-se/investigation/entretiens.md": "# Les entretiens\n\nAller voir les usagers.\n",
        "la-vie-dune-se/construction/README.md": "# Construction\n\nLivrer vite.\n",
        "budget.md": "# Le budget\n\nCompter.\n",
    }
    for path, text in files.items():
        (root / path).parent.mkdir(parents=True, exist_ok=True)
        (root / path).write_text(text, encoding="utf-8")
    return root


def run(directory, tmp_path, name):
    report = tmp_path / name
    out = StringIO()
    call_command("import_gitbook", str(directory), "--report", str(report), stdout=out, stderr=StringIO())
    return json.loads(report.read_text(encoding="utf-8")), out.getvalue()


def phases_of(title):
    return sorted(GuidePage.objects.get(title=title).phases.values_list("slug", flat=True))


def test_phase_folders_tag_their_pages_and_a_rerun_changes_nothing(home, tmp_path):
    GuideIndexPageFactory(parent=home)
    PhaseFactory(slug="investigation", name="Investigation")
    PhaseFactory(slug="construction", name="Construction")
    export = write_export(tmp_path / "guide")

    _, out = run(export, tmp_path, "premier.json")

    assert phases_of("Investigation") == ["investigation"]
    assert phases_of("Les entretiens") == ["investigation"]
    assert phases_of("Construction") == ["construction"]
    assert phases_of("La vie d'une startup d'État") == [] and phases_of("Le budget") == []
    assert "Pages rattachées à une phase d'après leur dossier : 3" in out

    report, _ = run(export, tmp_path, "second.json")
    assert (report["created"], report["updated"], report["unchanged"]) == (0, 0, 5)
