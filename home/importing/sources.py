"""Reading source files: UTF-8 text and YAML front matter, with reasons a person can act on."""

import re
from pathlib import Path

import yaml

from .records import RecordError

FRONT_MATTER = re.compile(r"\A\ufeff?---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.DOTALL)


def read_text(path: Path) -> str:
    """The file's text; non-UTF-8 bytes reject the record instead of guessing an encoding."""
    data = Path(path).read_bytes()
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
        data = yaml.safe_load(match.group(1))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" (ligne {mark.line + 2})" if mark is not None else ""
        problem = getattr(exc, "problem", None) or str(exc)
        raise RecordError(f"en-tête YAML illisible{where} : {problem}") from exc
    except ValueError as exc:  # a well-formed date that does not exist, e.g. 2023-02-30
        raise RecordError(f"en-tête YAML illisible : une date n'existe pas ({exc})") from exc
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise RecordError("en-tête YAML invalide : une liste de champs « clé: valeur » est attendue")
    return data, text[match.end() :]
