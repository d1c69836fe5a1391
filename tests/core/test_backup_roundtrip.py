"""Backup and restore round trip: pg_dump -Fc + media archive, restored into a fresh database and
media folder, brings back every page, every file (same checksum) and every table's rows."""

from io import BytesIO, StringIO
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.db import connection

import pytest
from PIL import Image as PILImage

from core import backup
from tests import DATA_DIR
from tests.resources.guides.factories import GuideIndexPageFactory
from tests.resources.library.factories import make_document

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="sauvegarde pg_dump/pg_restore : ne s'exécute que sur PostgreSQL (DATABASE_URL), comme en CI",
    ),
    pytest.mark.skipif(
        backup.pg_tool("pg_dump") is None, reason="pg_dump introuvable (paquet postgresql-client)"
    ),
]

DATA = DATA_DIR


@pytest.fixture
def restored_db():
    """A fresh, empty database next to the test database; dropped after the test."""
    source = connection.settings_dict
    name = f"{source['NAME']}_restauree"[:63]
    with connection.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}"')
        cursor.execute(f'CREATE DATABASE "{name}"')
    yield {**source, "NAME": name}
    with connection.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}"')


def populate(home):
    from django.core.files.images import ImageFile

    from wagtail.images import get_image_model

    guides = GuideIndexPageFactory(parent=home)
    call_command(
        "import_gitbook",
        str(DATA / "gitbook" / "mini"),
        "--publish",
        "--parent",
        str(guides.pk),
        stdout=StringIO(),
        stderr=StringIO(),
    )
    make_document("Modèle de convention", "convention.csv", "partie;rôle\nÉtat;sponsor\n".encode())
    make_document("Grille", "grille.pdf", b"%PDF-1.4\n%%EOF\n")
    png = BytesIO()
    PILImage.new("RGB", (8, 4), "navy").save(png, "PNG")
    get_image_model().objects.create(title="Logo", file=ImageFile(BytesIO(png.getvalue()), name="logo.png"))
    home.save_revision().publish()


def test_dump_and_restore_bring_back_every_page_file_and_row(home, tmp_path, restored_db):
    populate(home)
    media = Path(settings.MEDIA_ROOT)
    with connection.cursor() as cursor:
        before = backup.snapshot(cursor, media)
    assert len(before["pages"]) > 5 and len(before["files"]) == 3
    assert all(checksum != "absent" for checksum in before["files"].values())

    dump = backup.dump_database(connection.settings_dict, tmp_path / "fabrique.dump")
    archive = backup.archive_media(media, tmp_path / "media.tar.gz")
    backup.restore_database(restored_db, dump)
    restored_media = backup.extract_media(archive, tmp_path / "media-restaure")

    with backup.open_database(restored_db) as restored, restored.cursor() as cursor:
        after = backup.snapshot(cursor, restored_media)
    assert backup.differences(before, after) == []
    assert after["tables"]["wagtailcore_page"] == len(before["pages"])


def test_the_comparison_sees_a_missing_file(home, tmp_path):
    """The check can fail: a media folder without one of its files is reported."""
    populate(home)
    media = Path(settings.MEDIA_ROOT)
    with connection.cursor() as cursor:
        before = backup.snapshot(cursor, media)
    name = next(iter(before["files"]))
    damaged = {**before, "files": {**before["files"], name: "absent"}}
    assert any(name in problem for problem in backup.differences(before, damaged))
