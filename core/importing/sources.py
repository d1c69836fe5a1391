"""Reading source files: UTF-8 text and YAML front matter, with reasons a person can act on."""

import errno
import re
from pathlib import Path

import yaml

from .records import RecordError

# The largest real source (a GitBook page of interview guides) is about 100 KB: 2 MB leaves room for
# twenty times that, while a bigger file is an export error (a binary, a dump) that would only slow
# the import down and fill the database.
MAX_SOURCE_BYTES = 2 * 1024 * 1024
# Real front matter has a few dozen values and three levels; YAML aliases can make a few lines
# expand into billions of values ("billion laughs"), so the structure is counted, not trusted.
MAX_FRONT_MATTER_VALUES = 5_000
MAX_FRONT_MATTER_DEPTH = 20

OS_ERRORS_FR = {
    errno.ELOOP: "lien symbolique en boucle",
    errno.ENOENT: "fichier absent ou lien symbolique cassé",
    errno.EACCES: "droits de lecture insuffisants",
    errno.EISDIR: "c'est un dossier, pas un fichier",
}

# libyaml's loader reads the same YAML ten times faster than the pure-Python one (a sixth of a no-op
# re-run was spent there); its error messages are terser, so a header it refuses is read again by the
# pure-Python loader, whose « ligne N : … » the reports have always quoted.
FAST_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

FRONT_MATTER = re.compile(r"\A\ufeff?---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.DOTALL)


def read_text(path: Path) -> str:
    """The file's text; non-UTF-8 bytes reject the record instead of guessing an encoding."""
    path = Path(path)
    try:
        if path.is_dir():
            raise RecordError("c'est un dossier, pas un fichier")
        size = path.stat().st_size
        if size > MAX_SOURCE_BYTES:
            raise RecordError(
                f"fichier trop volumineux ({size / 1024 / 1024:.1f} Mo, "
                f"{MAX_SOURCE_BYTES // 1024 // 1024} Mo au plus) : les vraies fiches font quelques Ko, "
                "celui-ci est sans doute une erreur d'export"
            )
        data = path.read_bytes()
    except OSError as exc:
        reason = OS_ERRORS_FR.get(exc.errno, "erreur du système de fichiers")
        raise RecordError(f"fichier illisible : {reason}") from exc
    if not data.strip():
        raise RecordError("fichier vide")
    nul = data.find(b"\x00")
    if nul >= 0:
        raise RecordError(
            f"le fichier contient un octet nul (position {nul}) : "
            "c'est un fichier binaire ou corrompu, pas du texte"
        )
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise RecordError(
            f"le fichier n'est pas en UTF-8 (octet invalide 0x{data[exc.start]:02x} "
            f"à la position {exc.start})"
        ) from exc


def split_front_matter(text: str) -> tuple[dict, str]:
    """Split `---` YAML front matter from the Markdown body. No front matter gives `{}`."""
    match = FRONT_MATTER.match(text)
    if match is None:
        if text.lstrip("\ufeff").startswith("---"):
            raise RecordError("en-tête YAML non refermé : la ligne « --- » de fin est absente")
        return {}, text
    try:
        data = _load_yaml(match.group(1))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" (ligne {mark.line + 2})" if mark is not None else ""
        problem = getattr(exc, "problem", None) or str(exc)
        raise RecordError(f"en-tête YAML illisible{where} : {problem}") from exc
    except ValueError as exc:  # a well-formed date that does not exist, e.g. 2023-02-30
        raise RecordError(f"en-tête YAML illisible : une date n'existe pas ({exc})") from exc
    except RecursionError as exc:
        raise RecordError("en-tête YAML trop imbriqué pour être lu") from exc
    _check_structure(data)
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise RecordError("en-tête YAML invalide : une liste de champs « clé: valeur » est attendue")
    return data, text[match.end() :]


def _load_yaml(text: str):
    try:
        return yaml.load(text, Loader=FAST_LOADER)  # noqa: S506  # nosec B506 - CSafeLoader
    except yaml.YAMLError:
        return yaml.safe_load(text)


def _check_structure(data) -> None:
    """Refuse front matter too big or too deep to be real (YAML alias bombs, endless nesting)."""
    budget = MAX_FRONT_MATTER_VALUES
    stack = [(data, 0)]
    while stack:
        value, depth = stack.pop()
        budget -= 1
        if budget < 0:
            raise RecordError(
                f"en-tête YAML démesuré (plus de {MAX_FRONT_MATTER_VALUES} valeurs, alias YAML en cascade ?)"
            )
        if depth > MAX_FRONT_MATTER_DEPTH:
            raise RecordError(f"en-tête YAML trop imbriqué (plus de {MAX_FRONT_MATTER_DEPTH} niveaux)")
        if isinstance(value, dict):
            stack.extend((item, depth + 1) for pair in value.items() for item in pair)
        elif isinstance(value, list):
            stack.extend((item, depth + 1) for item in value)
