"""Backup and restore of the whole site (PostgreSQL database + media files), and the check that a
restore brought back every page and every file.

The commands are the ones the README gives to operators (`pg_dump -Fc`, `pg_restore`, `tar`); the
round trip (bench/backup_roundtrip.py, tests/core/test_backup_roundtrip.py) runs them for real.
"""

import glob
import hashlib
import os
import shutil
import subprocess  # noqa: S404 - runs PostgreSQL's own client tools, arguments never from users
import tarfile
from pathlib import Path


def pg_tool(name: str) -> str | None:
    """A PostgreSQL client tool: on PATH, or in Debian's versioned directory (newest first)."""
    found = shutil.which(name)
    if found:
        return found
    candidates = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"), reverse=True)
    return candidates[0] if candidates else None


def _environment(db: dict) -> dict:
    env = dict(os.environ)
    if db.get("PASSWORD"):
        env["PGPASSWORD"] = db["PASSWORD"]
    return env


def _connection_args(db: dict) -> list[str]:
    args = []
    if db.get("HOST"):
        args += ["-h", db["HOST"]]
    if db.get("PORT"):
        args += ["-p", str(db["PORT"])]
    if db.get("USER"):
        args += ["-U", db["USER"]]
    return args


def dump_database(db: dict, target: Path) -> Path:
    """`pg_dump -Fc`: one compressed file, restorable table by table, without owners."""
    command = [pg_tool("pg_dump"), "-Fc", "--no-owner", "-f", str(target), *_connection_args(db), db["NAME"]]
    subprocess.run(command, check=True, env=_environment(db), capture_output=True)  # noqa: S603
    return target


def restore_database(db: dict, dump: Path) -> None:
    """`pg_restore` into an existing, empty database."""
    command = [
        pg_tool("pg_restore"),
        "--no-owner",
        "--exit-on-error",
        "-d",
        db["NAME"],
        *_connection_args(db),
    ]
    subprocess.run([*command, str(dump)], check=True, env=_environment(db), capture_output=True)  # noqa: S603


def archive_media(media_root: Path, target: Path) -> Path:
    with tarfile.open(target, "w:gz") as archive:
        archive.add(media_root, arcname="media")
    return target


def extract_media(archive: Path, destination: Path) -> Path:
    """The archive's media/ folder, unpacked as `destination` (refusing paths that leave it)."""
    destination.mkdir(parents=True, exist_ok=True)
    with tarfile.open(archive) as tar:
        tar.extractall(destination.parent / ".restauration", filter="data")
    unpacked = destination.parent / ".restauration" / "media"
    for item in unpacked.iterdir():
        shutil.move(str(item), destination / item.name)
    shutil.rmtree(destination.parent / ".restauration")
    return destination


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def open_database(db: dict):
    """A plain DB-API connection to a database of these Django settings (the restored one has no alias)."""
    import psycopg

    return psycopg.connect(
        dbname=db["NAME"],
        host=db.get("HOST") or None,
        port=db.get("PORT") or None,
        user=db.get("USER") or None,
        password=db.get("PASSWORD") or None,
        autocommit=True,
    )


def snapshot(cursor, media_root: Path) -> dict:
    """What a restore must bring back: pages, files (with checksums) and the row count of every table.

    Plain SQL over a DB-API cursor, so that it reads the live database and a restored copy alike.
    """
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model

    cursor.execute("SELECT id, title, url_path, live, latest_revision_id FROM wagtailcore_page ORDER BY id")
    pages = [tuple(row) for row in cursor.fetchall()]
    files = {}
    for model in (get_document_model(), get_image_model()):
        # Safe: the table name is a model's own, not input.
        cursor.execute(f"SELECT file FROM {model._meta.db_table}")  # noqa: S608  # nosec B608
        for (name,) in cursor.fetchall():
            path = Path(media_root) / name
            files[name] = _sha256(path) if path.is_file() else "absent"
    cursor.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename")
    counts = {}
    for (table,) in cursor.fetchall():
        # Safe: table names read from pg_tables, quoted.
        cursor.execute(f'SELECT COUNT(*) FROM "{table}"')  # noqa: S608  # nosec B608
        counts[table] = cursor.fetchone()[0]
    return {"pages": pages, "files": files, "tables": counts}


def differences(before: dict, after: dict) -> list[str]:
    """Human-readable differences between two snapshots (in French); empty when the restore is whole."""
    problems = []
    if before["pages"] != after["pages"]:
        missing = set(before["pages"]) - set(after["pages"])
        problems.append(
            f"pages différentes : {len(missing)} absentes ou modifiées, ex. {sorted(missing)[:3]}"
        )
    for name, checksum in before["files"].items():
        if after["files"].get(name) != checksum:
            problems.append(
                f"fichier {name} : {checksum[:12]} avant, {after['files'].get(name, 'absent')[:12]} après"
            )
    for table, count in before["tables"].items():
        if after["tables"].get(table) != count:
            problems.append(f"table {table} : {count} lignes avant, {after['tables'].get(table)} après")
    return problems
