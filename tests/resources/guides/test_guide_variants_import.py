"""`import_gitbook --incubator`: an incubator's GitBook becomes variants of the shared pages it
restates, and its own pages for the rest."""

import json
from io import StringIO

from django.core.management import call_command
from django.core.management.base import CommandError

import pytest

from resources.guides.models import GuidePage, GuideVariantPage
from tests.community.startups.factories import incubator
from tests.core.factories import with_revision
from tests.resources.guides.factories import GuidePageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def export(tmp_path):
    space = tmp_path / "fabrique-mi"
    space.mkdir()
    (space / "SUMMARY.md").write_text(
        "# Table of contents\n\n* [Accueil](README.md)\n"
        "* [Passer un Marché](marche.md)\n* [Nos achats locaux](achats.md)\n",
        encoding="utf-8",
    )
    (space / "README.md").write_text("# Accueil\n\nLe guide de la Fabrique du MI.\n", encoding="utf-8")
    (space / "marche.md").write_text(
        "# Passer un Marché\n\nAu ministère, le marché passe par le bureau des achats.\n", encoding="utf-8"
    )
    (space / "achats.md").write_text("# Nos achats locaux\n\nLes achats propres au MI.\n", encoding="utf-8")
    return space


def run(export, *args):
    out = StringIO()
    call_command("import_gitbook", str(export), "--publish", *args, stdout=out, stderr=StringIO())
    return out.getvalue()


def test_restated_pages_become_variants_and_the_rest_own_pages(sections, home, export):
    shared = GuidePageFactory(parent=sections["guides"], title="Passer un marché", slug="marche")
    with_revision(shared)
    mi = incubator(home, "fabrique-mi", "Fabrique du MI")
    output = run(export, "--incubator", "fabrique-mi")
    variant = GuideVariantPage.objects.child_of(shared).get()
    assert variant.live and variant.incubator == mi and variant.title == "Version Fabrique du MI"
    assert "bureau des achats" in json.dumps(list(variant.body.raw_data), ensure_ascii=False)
    own = GuidePage.objects.get(title="Nos achats locaux")
    assert own.live and own.source_key == "gitbook:fabrique-mi/achats.md"
    assert not GuidePage.objects.filter(source_key="gitbook:fabrique-mi/marche.md").exists()
    assert "Variantes de pages communes (Fabrique du MI) : 1" in output
    revisions = variant.revisions.count()
    run(export, "--incubator", "fabrique-mi")  # a second run changes nothing
    assert GuideVariantPage.objects.child_of(shared).count() == 1
    assert variant.revisions.count() == revisions


def test_an_unknown_incubator_is_refused_in_french(sections, export):
    with pytest.raises(CommandError) as refusal:
        run(export, "--incubator", "inconnu")
    assert "incubateur introuvable" in str(refusal.value)
