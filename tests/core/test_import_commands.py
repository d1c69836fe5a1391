"""What both import commands share: notices sorted for people, one run at a time, exit codes."""

import subprocess
import sys
from io import StringIO

from django.core.management import call_command
from django.core.management.base import CommandError

import pytest

from core.importing import ImportLocked, ImportReport, import_lock
from tests import REPO_ROOT


def test_notices_are_grouped_by_level_and_kind_with_counts():
    report = ImportReport(unchanged=3)
    report.warn("startups/a.md", "champs vides ignorés : contact, link")
    report.warn("startups/b.md", "champs vides ignorés : link")
    report.warn("startups/a.md", "incubateur introuvable : « dinum »")
    report.warn("startups/b.md", "incubateur introuvable : « anct »")
    report.warn("startups/c.md", "12 jours sans phase entre « construction » et « acceleration »")
    report.reject("startups/d.md", ["en-tête YAML illisible (ligne 3) : mapping values"])
    notices = report.notices()
    assert notices["info"] == {"champs vides ignorés": 2}  # counted, not listed
    assert notices["quality"]["incubateur introuvable"]["count"] == 2
    assert [i["source"] for i in notices["quality"]["incubateur introuvable"]["items"]] == [
        "startups/a.md",
        "startups/b.md",
    ]
    assert notices["quality"]["… jours sans phase entre … et …"]["count"] == 1
    assert notices["errors"]["en-tête YAML illisible …"] == {"count": 1, "sources": ["startups/d.md"]}
    summary = report.summary_fr()
    assert "qualité des données : 3 ; corrections automatiques : 2" in summary


def test_a_run_that_changes_nothing_says_so():
    assert "Rien n'a changé : 4 inchangés." in ImportReport(unchanged=4).summary_fr()
    assert "Rien n'a changé" not in ImportReport(unchanged=4, updated=1).summary_fr()


def test_a_second_run_is_refused_while_the_first_holds_the_lock(tmp_path, settings):
    settings.FABRIQUE_IMPORT_LOCK_DIR = str(tmp_path)
    with import_lock("import_gitbook"):
        with pytest.raises(ImportLocked, match="est en cours"), import_lock("import_gitbook"):
            pass
        with import_lock("import_betagouv"):  # another importer is not blocked
            pass
    with import_lock("import_gitbook"):  # released at the end of the run
        pass


@pytest.mark.django_db
def test_a_locked_command_is_refused_with_exit_code_2(tmp_path, settings):
    settings.FABRIQUE_IMPORT_LOCK_DIR = str(tmp_path)
    with import_lock("import_betagouv"), pytest.raises(CommandError, match="est en cours") as refused:
        call_command("import_betagouv", str(tmp_path), stdout=StringIO())
    assert refused.value.returncode == 2


def test_command_line_exit_codes_refused_and_errors(tmp_path):
    """From the command line (cron, systemd): 2 when refused before importing anything."""
    result = subprocess.run(
        [sys.executable, "manage.py", "import_gitbook", str(tmp_path / "absent"), "--quiet"],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        env={
            "DJANGO_SETTINGS_MODULE": "config.settings.test",
            "DATABASE_URL": f"sqlite:///{tmp_path / 'vide.sqlite3'}",  # never the worktree's database
            "PATH": "/usr/bin:/bin",
        },
        timeout=120,
    )
    assert result.returncode == 2, result.stderr
    assert "introuvable" in result.stderr
