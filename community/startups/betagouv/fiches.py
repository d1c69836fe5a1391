"""Where a folder's fiches are found and how one is read, shared by every step of the import."""

from pathlib import Path

from core.importing import read_text, split_front_matter


def fiche_files(directory: Path, folder: str) -> list[Path]:
    """Every fiche of a folder, `.md` or not (two organisations have no extension), by name.

    A `.md` entry that is not a regular file (a directory, a broken or looping link) is listed too,
    so that it is rejected with its reason instead of silently skipped.
    """
    path = directory / folder
    if not path.is_dir():
        return []
    return sorted(
        p
        for p in path.iterdir()
        if not p.name.startswith(".") and (p.is_file() or p.suffix == ".md" or not p.exists())
    )


def read_fiche(path: Path) -> tuple[dict, str]:
    """The fiche's front matter and Markdown body; raises `RecordError` when it cannot be read."""
    return split_front_matter(read_text(path))
