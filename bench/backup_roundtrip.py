"""Backup and restore round trip on a populated PostgreSQL database, with its figures.

Creates two throwaway databases next to the one of DATABASE_URL (`<base>_sauvegarde_src` and
`<base>_sauvegarde_restauree`, dropped at the end) and a temporary media folder, so it never
touches your data:
    DATABASE_URL=postgres://fabrique@127.0.0.1:5433/fabrique .venv/bin/python bench/backup_roundtrip.py
Populates (load_demo, the shared beta.gouv.fr and GitBook fixtures, a few documents and images),
dumps (`pg_dump -Fc`) and archives the media, restores both, compares every page, every file
checksum and every table's row count. Prints the figures in French and one JSON line.
"""

import json
import os
import sys
import tempfile
import time
from io import BytesIO, StringIO
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")
FIXTURES = ROOT.parent / "shared" / "fixtures"


def populate():
    from django.core.files.base import ContentFile
    from django.core.files.images import ImageFile
    from django.core.management import call_command

    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model

    from PIL import Image

    quiet = {"stdout": StringIO(), "stderr": StringIO()}
    call_command("migrate", verbosity=0)
    call_command("load_demo", "--no-admin", **quiet)
    call_command("import_betagouv", str(FIXTURES / "betagouv"), "--publish", **quiet)
    for export in sorted((FIXTURES / "guides").iterdir()):
        if (export / "SUMMARY.md").is_file():
            call_command("import_gitbook", str(export), "--publish", **quiet)
    for n in range(3):
        document = get_document_model()(title=f"Document {n}")
        document.file.save(f"document-{n}.csv", ContentFile(f"colonne;valeur\n{n};{n * n}\n".encode()))
        png = BytesIO()
        Image.new("RGB", (64 + n, 32), "navy").save(png, "PNG")
        get_image_model().objects.create(title=f"Image {n}", file=ImageFile(png, name=f"image-{n}.png"))


def main():
    import django
    from django.conf import settings

    base = os.environ.get("DATABASE_URL", "")
    if not base.startswith("postgres"):
        sys.exit("DATABASE_URL doit désigner un serveur PostgreSQL (la sauvegarde utilise pg_dump).")
    media = Path(tempfile.mkdtemp(prefix="fabrique-sauvegarde-"))
    django.setup()
    source = dict(settings.DATABASES["default"])
    names = {"src": f"{source['NAME']}_sauvegarde_src", "restored": f"{source['NAME']}_sauvegarde_restauree"}
    settings.MEDIA_ROOT = str(media / "media")

    from django.db import connection

    from core import backup

    with connection.cursor() as cursor:
        for name in names.values():
            cursor.execute(f'DROP DATABASE IF EXISTS "{name}"')
            cursor.execute(f'CREATE DATABASE "{name}"')
    connection.close()
    settings.DATABASES["default"]["NAME"] = names["src"]
    try:
        started = time.perf_counter()
        populate()
        populated = time.perf_counter() - started
        src, restored = {**source, "NAME": names["src"]}, {**source, "NAME": names["restored"]}
        with backup.open_database(src) as db, db.cursor() as cursor:
            before = backup.snapshot(cursor, Path(settings.MEDIA_ROOT))
        started = time.perf_counter()
        dump = backup.dump_database(src, media / "fabrique.dump")
        archive = backup.archive_media(Path(settings.MEDIA_ROOT), media / "media.tar.gz")
        dumped = time.perf_counter() - started
        started = time.perf_counter()
        backup.restore_database(restored, dump)
        restored_media = backup.extract_media(archive, media / "media-restaure")
        restore_time = time.perf_counter() - started
        with backup.open_database(restored) as db, db.cursor() as cursor:
            after = backup.snapshot(cursor, restored_media)
        problems = backup.differences(before, after)
    finally:
        connection.close()
        settings.DATABASES["default"]["NAME"] = source["NAME"]
        with connection.cursor() as cursor:
            for name in names.values():
                cursor.execute(f'DROP DATABASE IF EXISTS "{name}"')

    figures = {
        "pages": len(before["pages"]),
        "fichiers": len(before["files"]),
        "tables": len(before["tables"]),
        "lignes": sum(before["tables"].values()),
        "dump_ko": round(dump.stat().st_size / 1024),
        "media_ko": round(archive.stat().st_size / 1024),
        "peuplement_s": round(populated, 1),
        "sauvegarde_s": round(dumped, 2),
        "restauration_s": round(restore_time, 2),
        "differences": len(problems),
    }
    print(
        f"Pages : {figures['pages']}, fichiers : {figures['fichiers']}, tables : {figures['tables']} "
        f"({figures['lignes']} lignes)"
    )
    print(
        f"Sauvegarde : {figures['sauvegarde_s']} s "
        f"(base {figures['dump_ko']} Ko, médias {figures['media_ko']} Ko)"
    )
    print(f"Restauration : {figures['restauration_s']} s")
    print("Restauration complète : aucune différence." if not problems else "\n".join(problems))
    print(json.dumps({"bench": "backup_roundtrip", **figures}))
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
