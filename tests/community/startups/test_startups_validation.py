"""Malformed fiches are rejected one by one with a French reason; nothing else is lost."""

import json

from django.core.management import call_command

from wagtail.models import Revision

import pytest
from bs4 import BeautifulSoup

from community.members.models import Member, Mission
from community.startups.models import IncubatorPage, StartupPage, Team
from tests import DATA_DIR

pytestmark = pytest.mark.django_db

MALFORMED = DATA_DIR / "betagouv" / "malformed"


def run(tmp_path, *extra):
    report_path = tmp_path / "rapport.json"
    with open(tmp_path / "sortie.txt", "w", encoding="utf-8") as out:
        call_command("import_betagouv", str(MALFORMED), "--report", str(report_path), *extra, stdout=out)
    return json.loads(report_path.read_text(encoding="utf-8")), (tmp_path / "sortie.txt").read_text()


def test_each_kind_of_bad_fiche_is_rejected_with_its_reason(home, tmp_path):
    report, output = run(tmp_path, "--publish")
    reasons = {item["source"]: " ".join(item["errors"]) for item in report["rejected"]}
    assert set(reasons) == {
        "startups/yaml-casse.md",
        "startups/sans-titre.md",
        "startups/date-invalide.md",
        "startups/date-impossible.md",
        "startups/phase-inconnue.md",
        "authors/date-casse.md",
    }
    assert "en-tête YAML illisible" in reasons["startups/yaml-casse.md"]
    assert "titre manquant" in reasons["startups/sans-titre.md"]
    assert (
        "date invalide" in reasons["startups/date-invalide.md"]
        and "le 3 mars" in reasons["startups/date-invalide.md"]
    )
    assert "date n'existe pas" in reasons["startups/date-impossible.md"]
    assert "phase inconnue : « success »" in reasons["startups/phase-inconnue.md"]
    assert "date invalide" in reasons["authors/date-casse.md"]
    assert "rejetés : 6" in output and "✗ startups/sans-titre.md" in output

    # Nothing else is lost: the good fiche, its incubator, team and member are all there.
    assert list(StartupPage.objects.values_list("title", flat=True)) == ["Bonne fiche"]
    good = StartupPage.objects.get()
    assert good.live and good.incubator.title == "L'Atelier d'essai"
    assert list(good.sponsors.values_list("slug", flat=True)) == ["ministere-test"]
    assert good.current_phase.slug == "construction"
    assert good.techno == ["Python", "Django"]
    assert good.site_url == "https://bonne-fiche.example"
    assert Team.objects.get().incubator.betagouv_id == "atelier-test"
    assert IncubatorPage.objects.count() == 2
    warnings = [w["message"] for w in report["warnings"] if w["source"] == "startups/bonne-fiche.md"]
    for expected in [
        "sponsor introuvable : « fantome »",
        "se chevauchent",
        "virgules",
        "image(s) non importée(s)",
    ]:
        assert any(expected in message for message in warnings), expected
    assert any(
        "organisation porteuse introuvable" in w["message"]
        for w in report["warnings"]
        if w["source"] == "incubators/sans-porteur.md"
    )
    # Raw HTML goes through the editor whitelist.
    assert "<script" not in json.dumps(list(good.body.raw_data))


def test_members_are_imported_without_any_email_address(client, home, tmp_path):
    report, _ = run(tmp_path, "--publish")
    member = Member.objects.get(slug="camille.essai")
    assert member.job_title == "Développeuse" and member.github == "camille-essai"
    assert "@" not in member.bio and "[adresse masquée]" in member.bio
    assert not any("@" in str(getattr(member, f.attname, "")) for f in Member._meta.concrete_fields)
    missions = Mission.objects.filter(member=member).order_by("sort_order")
    assert [(m.startup_ref, m.startup is not None) for m in missions] == [
        ("bonne-fiche", True),
        ("startup-disparue", False),
        ("bonne-fiche", True),
    ]
    messages = [w["message"] for w in report["warnings"] if w["source"] == "authors/camille.essai.md"]
    assert any("« email »" in m for m in messages)
    assert any("startup-disparue" in m for m in messages)
    page = StartupPage.objects.get()
    soup = BeautifulSoup(client.get(page.url).content, "html.parser")
    text = soup.find("main").get_text(" ")
    assert "Camille Essai" in text and "Développeuse" in text
    assert "@" not in text  # neither the member's address nor the startup's contact address


def test_dry_run_keeps_nothing_and_a_rerun_is_unchanged(home, tmp_path):
    report, output = run(tmp_path, "--dry-run")
    assert report["created"] > 0 and "Simulation" in output
    assert not StartupPage.objects.exists() and not Member.objects.exists()
    first, _ = run(tmp_path)
    revisions = Revision.objects.count()
    second, _ = run(tmp_path)
    assert second["created"] == second["updated"] == 0
    assert second["unchanged"] == first["created"] + first["updated"] + first["unchanged"]
    assert Revision.objects.count() == revisions


def test_a_missing_directory_is_a_clear_error(home, tmp_path):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="dossier introuvable"):
        call_command("import_betagouv", str(tmp_path / "absent"))
