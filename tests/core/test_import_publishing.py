"""Imported pages end up as Wagtail's edit-then-publish leaves them: tree, revision, history, indexes.

The importers write a new page in one pass (home/importing/publishing.py) instead of add_child() +
save_revision() + publish(); these tests hold that shortcut to the same end state.
"""

import json
import shutil

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.db import transaction

from wagtail.models import Page, PageLogEntry, ReferenceIndex
from wagtail.search.models import IndexEntry

import pytest

from community.startups.models import IncubatorPage, StartupIndexPage, StartupPage
from core.importing.publishing import add_page
from core.pages import get_or_create_section

pytestmark = pytest.mark.django_db

STARTUPS = ("a-just.md", "accidents-de-la-route.md", "aidess.md")


@pytest.fixture
def sample(shared_fixtures, tmp_path):
    """Phases, organisations, incubators and three real startup fiches, in a folder we may edit."""
    source, target = shared_fixtures / "betagouv", tmp_path / "content"
    for folder in ("phases", "organisations", "incubators"):
        shutil.copytree(source / folder, target / folder)
    (target / "startups").mkdir()
    for name in STARTUPS:
        shutil.copy(source / "startups" / name, target / "startups" / name)
    return target


def run_import(directory, tmp_path, *extra):
    report = tmp_path / "rapport.json"
    with open(tmp_path / "sortie.txt", "w", encoding="utf-8") as stdout:
        call_command("import_betagouv", str(directory), "--report", str(report), *extra, stdout=stdout)
    return json.loads(report.read_text(encoding="utf-8"))


def history(page):
    entries = PageLogEntry.objects.filter(page=page).order_by("timestamp", "pk")
    return [entry.action for entry in entries]


def references():
    return set(
        ReferenceIndex.objects.values_list(
            "content_type_id", "object_id", "to_content_type_id", "to_object_id", "content_path"
        )
    )


def test_published_import_leaves_pages_as_publishing_would(home, sample, tmp_path, client):
    report = run_import(sample, tmp_path, "--publish")
    assert report["rejected"] == []

    page = StartupPage.objects.get(betagouv_id="a-just")
    revision = page.revisions.get()
    assert page.live and not page.has_unpublished_changes and not page.expired
    assert page.first_published_at is not None and page.last_published_at is not None
    assert page.latest_revision == page.live_revision == revision
    assert page.latest_revision_created_at == revision.created_at
    assert page.draft_title == page.title == "A-JUST"
    assert page.locale_id == home.locale_id
    assert page.url_path == f"{page.get_parent().url_path}a-just/"
    assert page.current_phase is not None
    # The history shows the import: created, then edited and published with that revision.
    assert history(page) == ["wagtail.create", "wagtail.edit", "wagtail.publish"]
    assert PageLogEntry.objects.get(page=page, action="wagtail.publish").revision == revision

    # The revision holds the page as published: what an editor opens, compares or reverts to.
    stored = revision.as_object()
    assert (stored.title, stored.mission, stored.slug) == (page.title, page.mission, page.slug)
    assert stored.body.get_prep_value() == page.body.get_prep_value()
    phases = [(p.pk, p.phase_id, p.start) for p in page.phases.order_by("sort_order")]
    assert [(p.pk, p.phase_id, p.start) for p in stored.phases.all()] == phases
    assert [e.pk for e in stored.events.all()] == list(page.events.values_list("pk", flat=True))
    assert sorted(o.pk for o in stored.sponsors.all()) == sorted(page.sponsors.values_list("pk", flat=True))
    assert stored.current_phase_id == page.current_phase_id

    # The tree is sound (paths, depths, child counts) and a later page lands after the others.
    assert Page.find_problems() == ([], [], [], [], [])
    assert StartupIndexPage.objects.get().numchild == len(STARTUPS)
    assert IncubatorPage.objects.get(betagouv_id="justice").get_parent().specific_class.__name__ == (
        "IncubatorIndexPage"
    )

    # Editors can open the imported page and its history in the admin.
    admin = get_user_model().objects.create_superuser("admin", "admin@example.org", "motdepasse")
    client.force_login(admin)
    assert client.get(f"/admin/pages/{page.pk}/edit/").status_code == 200
    assert client.get(f"/admin/pages/{page.pk}/history/").status_code == 200


def test_draft_import_waits_for_publication_then_publishes_on_request(home, sample, tmp_path):
    run_import(sample, tmp_path)
    page = StartupPage.objects.get(betagouv_id="aidess")
    assert not page.live and page.has_unpublished_changes
    assert page.live_revision is None and page.latest_revision == page.revisions.get()
    assert history(page) == ["wagtail.create", "wagtail.edit"]
    assert run_import(sample, tmp_path)["unchanged"] == report_size(sample)

    run_import(sample, tmp_path, "--publish")
    page.refresh_from_db()
    assert page.live and page.live_revision == page.latest_revision
    assert page.revisions.count() == 2
    assert history(page)[-1] == "wagtail.publish"
    assert Page.find_problems() == ([], [], [], [], [])


def report_size(directory):
    return sum(1 for folder in directory.iterdir() for path in folder.iterdir() if path.is_file())


def test_rerun_after_editing_one_fiche_updates_exactly_that_page(home, sample, tmp_path, client):
    run_import(sample, tmp_path, "--publish")
    revisions = {page.betagouv_id: page.revisions.count() for page in StartupPage.objects.all()}
    fiche = sample / "startups" / "aidess.md"
    text = fiche.read_text(encoding="utf-8")
    fiche.write_text(text.replace("title: AidESS", "title: AidESS renommée", 1), encoding="utf-8")

    report = run_import(sample, tmp_path, "--publish")
    assert (report["created"], report["updated"], report["rejected"]) == (0, 1, [])
    assert report["unchanged"] == report_size(sample) - 1
    after = {page.betagouv_id: page.revisions.count() for page in StartupPage.objects.all()}
    assert after == {**revisions, "aidess": revisions["aidess"] + 1}
    page = StartupPage.objects.get(betagouv_id="aidess")
    assert page.title == "AidESS renommée" and page.live and not page.has_unpublished_changes
    assert "wagtail.rename" in history(page)
    assert "AidESS renommée" in client.get(page.url).content.decode()


def test_rerun_after_editing_only_a_body_renders_that_body_again(home, sample, tmp_path, client):
    # The fingerprint holds the body's Markdown source, not its rendering: the edit must still show.
    run_import(sample, tmp_path, "--publish")
    fiche = sample / "startups" / "a-just.md"
    added = "\n## Nouveauté\n\nUn **texte ajouté**.\n"
    fiche.write_text(fiche.read_text(encoding="utf-8") + added, encoding="utf-8")

    report = run_import(sample, tmp_path, "--publish")
    assert (report["created"], report["updated"], report["rejected"]) == (0, 1, [])
    page = StartupPage.objects.get(betagouv_id="a-just")
    assert [block.value for block in page.body if block.block_type == "heading"][-1]["text"] == "Nouveauté"
    assert "Un <strong>texte ajouté</strong>." in client.get(page.url).content.decode()
    assert run_import(sample, tmp_path, "--publish")["updated"] == 0


def test_search_and_reference_indexes_are_complete_after_an_import(home, sample, tmp_path, client):
    run_import(sample, tmp_path, "--publish")

    response = client.get("/recherche/", {"q": "juridictions"})
    assert response.status_code == 200
    assert "A-JUST" in [entry["page"].title for entry in response.context["entries"]]

    page = StartupPage.objects.get(betagouv_id="a-just")
    targets = {ref.to_object_id for ref in ReferenceIndex.get_references_for_object(page)}
    assert str(page.incubator_id) in targets
    assert {str(row.phase_id) for row in page.phases.all()} <= targets
    # Deferred to the end of the run, the reference index is what a full rebuild gives.
    imported = references()
    call_command("rebuild_references_index", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert references() == imported


def search_entries():
    return set(
        IndexEntry.objects.values_list("content_type_id", "object_id", "title", "autocomplete", "body")
    )


def test_search_entries_are_those_wagtail_indexer_writes(home, sample, tmp_path):
    # Each object's fields are read once in the bulk pass (core/importing/indexing.py): the rows
    # must be the very ones Wagtail's own indexer writes when it reads them field by field.
    run_import(sample, tmp_path, "--publish")
    imported = search_entries()
    # SQLite keeps the text, PostgreSQL its stemmed tsvector: the stem is in both.
    assert any("juridict" in str(row[4]) for row in imported)
    call_command("wagtail_update_index", stdout=open("/dev/null", "w"))  # noqa: SIM115
    indexed = {row[:2] for row in imported}  # the rebuild also indexes the pages migrations made
    assert {row for row in search_entries() if row[:2] in indexed} == imported


def test_reference_index_follows_an_updated_fiche(home, sample, tmp_path):
    # Updated pages' stale references are deleted in the bulk pass as Wagtail would delete them.
    run_import(sample, tmp_path, "--publish")
    page = StartupPage.objects.get(betagouv_id="a-just")
    before = page.incubator_id
    fiche = sample / "startups" / "a-just.md"
    fiche.write_text(
        fiche.read_text(encoding="utf-8").replace("incubator: justice", "incubator: dinum", 1),
        encoding="utf-8",
    )

    assert run_import(sample, tmp_path, "--publish")["updated"] == 1
    page.refresh_from_db()
    assert page.incubator_id not in (None, before)
    incubators = ReferenceIndex.get_references_for_object(page).filter(model_path="incubator")
    assert [ref.to_object_id for ref in incubators] == [str(page.incubator_id)]
    updated = references()
    call_command("rebuild_references_index", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert references() == updated


def test_an_import_makes_cached_pages_stale_once_not_once_per_row(home, sample, tmp_path, client):
    from core import caching

    client.get("/")
    assert client.get("/")["X-Page-Cache"] == "hit"
    before = caching.generation()

    run_import(sample, tmp_path, "--publish")

    # Hundreds of rows were saved, each of which bumps the generation outside an import.
    assert caching.generation() == before + 1
    assert client.get("/")["X-Page-Cache"] == "miss"
    startup = StartupPage.objects.get(betagouv_id="a-just")
    assert startup.title in client.get(startup.url).content.decode()


def test_a_slug_a_sibling_already_has_is_refused_as_wagtail_refuses_it(home):
    # add_page() learns whether the slug is free from its tree query instead of Page.clean()'s own
    # query: a sibling added behind the importer's back (an editor, meanwhile) still stops the page.
    section = get_or_create_section(home, StartupIndexPage, "startups", title="Startups")[0]
    section.add_child(instance=StartupPage(title="Fiche d'un éditeur", slug="doublon"))
    with pytest.raises(ValidationError, match="doublon"), transaction.atomic():
        add_page(section, StartupPage(title="Fiche importée", slug="doublon"), publish=True)

    section.refresh_from_db()
    add_page(section, StartupPage(title="Fiche importée", slug="libre"), publish=True)
    assert sorted(section.get_children().values_list("slug", flat=True)) == ["doublon", "libre"]
    assert Page.find_problems() == ([], [], [], [], [])
