"""The shared import machinery: clear reasons, one transaction per record, safe rich text."""

import json

import pytest

from core.importing import ImportRun, RecordError, markdown_to_richtext, read_text, split_front_matter
from core.taxonomy.models import Thematique


def test_front_matter_is_split_from_body():
    data, body = split_front_matter("---\ntitle: Espace Membre\ntechno: []\n---\n## Contexte\n")
    assert data == {"title": "Espace Membre", "techno": []}
    assert body == "## Contexte\n"


def test_no_front_matter_gives_empty_mapping():
    assert split_front_matter("# Titre\n") == ({}, "# Titre\n")


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("---\ntitle: [non fermé\n---\ncorps", "en-tête YAML illisible"),
        ("---\ntitle: x\ncorps sans fin", "non refermé"),
        ("---\n- a\n- b\n---\n", "clé: valeur"),
    ],
)
def test_broken_front_matter_is_rejected_with_a_reason(text, reason):
    with pytest.raises(RecordError, match=reason):
        split_front_matter(text)


def test_non_utf8_file_is_rejected(tmp_path):
    path = tmp_path / "latin1.md"
    path.write_bytes("---\ntitle: Région\n---\n".encode("latin-1"))
    with pytest.raises(RecordError, match="pas en UTF-8"):
        read_text(path)


def test_markdown_is_sanitized_through_the_editor_whitelist():
    html = markdown_to_richtext(
        "Du **gras** et [un lien](https://beta.gouv.fr).\n\n"
        '<script>alert(1)</script><a href="javascript:alert(2)">piège</a>'
    )
    assert "<b>gras</b>" in html or "<strong>gras</strong>" in html
    assert 'href="https://beta.gouv.fr"' in html
    assert "<script" not in html
    assert "javascript:" not in html


@pytest.mark.django_db
def test_each_record_has_its_own_transaction():
    def handler(source, payload, warn):
        Thematique.objects.create(slug=payload, name=payload)
        if payload == "casse":
            raise RecordError("valeur interdite")
        warn(f"vu {payload}")
        return "created"

    with ImportRun() as run:
        report = run.run([("a.md", "sante-test"), ("b.md", "casse"), ("c.md", "emploi-test")], handler)
    assert report.created == 2
    assert report.rejected == [{"source": "b.md", "errors": ["valeur interdite"]}]
    assert {"source": "a.md", "message": "vu sante-test"} in report.warnings
    assert Thematique.objects.filter(slug__in=["sante-test", "emploi-test"]).count() == 2
    assert not Thematique.objects.filter(slug="casse").exists()
    assert set(json.loads(json.dumps(report.as_dict()))) == {
        "created",
        "updated",
        "unchanged",
        "rejected",
        "warnings",
    }


@pytest.mark.django_db
def test_dry_run_keeps_nothing_and_unexpected_errors_are_reported():
    def handler(source, payload, warn):
        Thematique.objects.create(slug=payload, name=payload)
        if payload == "boum":
            raise ValueError("inattendu")
        return "created"

    with ImportRun(dry_run=True) as run:
        report = run.run([("a.md", "simulee"), ("b.md", "boum")], handler)
    assert report.created == 1
    assert "erreur inattendue" in report.rejected[0]["errors"][0]
    assert not Thematique.objects.filter(slug__in=["simulee", "boum"]).exists()
    assert "Simulation" in report.summary_fr(dry_run=True)


def test_nested_lists_keep_their_level_at_two_or_three_spaces():
    html = markdown_to_richtext("* un\n  * deux\n    * trois\n\n1. premier\n   - sous-point\n   - [x] fait\n")
    assert html.count("<ul>") == 4 and html.count("<ol>") == 1
    assert "<li>un<ul><li>deux<ul><li>trois</li></ul></li></ul></li>" in html.replace("\n", "")
    assert "☑ fait" in html and "[x]" not in html  # a task in a plain list keeps its mark, visibly
