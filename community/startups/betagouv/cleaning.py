"""Turning raw front-matter values into clean ones, saying what was changed (never silently)."""

import datetime
import json
import re
import unicodedata
from pathlib import Path

from django.utils.text import slugify

from core.importing import RecordError

YES = {"true", "oui", "yes", "1"}
NO = {"false", "non", "no", "0"}
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", re.UNICODE)


class Cleaner:
    """Reads fields of one fiche, reporting every change made to a value through `warn`."""

    def __init__(self, data: dict, warn):
        self.data = data
        self.warn = warn
        self.empty = []  # fields present but empty (`''`, `[]`, `null`), reported once per fiche

    def _note_empty(self, key):
        if key in self.data:
            self.empty.append(key)

    def text(self, key: str) -> str:
        value = self.data.get(key)
        if value is None or value == "" or value == []:
            self._note_empty(key)
            return ""
        if not isinstance(value, str):
            self.warn(f"« {key} » n'est pas un texte ({value!r}) : converti en texte")
            value = str(value)
        stripped = value.strip()
        if stripped != value:
            self.warn(f"espaces superflus retirés dans « {key} »")
        return stripped

    def text_list(self, key: str) -> list[str]:
        value = self.data.get(key)
        if value is None or value == "" or value == []:
            self._note_empty(key)
            return []
        if isinstance(value, str):
            self.warn(f"« {key} » est un texte au lieu d'une liste : lu comme une liste")
            value = [value]
        if not isinstance(value, list):
            self.warn(f"« {key} » n'est pas une liste ({type(value).__name__}) : ignoré")
            return []
        items = []
        for item in value:
            if item is None or (isinstance(item, str) and not item.strip()):
                self.warn(f"valeur vide ignorée dans « {key} »")
                continue
            if not isinstance(item, str):
                item = str(item)
            if "," in item:
                parts = [part.strip() for part in item.split(",") if part.strip()]
                self.warn(f"« {key} » : liste séparée par des virgules découpée : « {item.strip()} »")
            else:
                parts = [item.strip()]
                if item != item.strip():
                    self.warn(f"espaces superflus retirés dans « {key} » : « {item.strip()} »")
            items.extend(part for part in parts if part not in items)
        return items

    def url(self, key: str) -> str:
        value = self.text(key)
        if not value:
            return ""
        if value.startswith(("http://", "https://")):
            return value
        if re.match(r"^[\w-]+(\.[\w-]+)+(/.*)?$", value):
            self.warn(f"« {key} » sans « https:// » : ajouté ({value})")
            return "https://" + value
        self.warn(f"« {key} » n'est pas une adresse web ({value}) : ignoré")
        return ""

    def flag(self, key: str) -> bool | None:
        """A yes/no answer; None when the fiche does not answer (not the same as "no")."""
        value = self.data.get(key)
        if value is None or value == "":
            self._note_empty(key)
            return None
        if isinstance(value, bool):
            return value
        text = str(value).strip().lower()
        if text in YES or text in NO:
            self.warn(f"« {key} » écrit « {value} » : lu comme {'oui' if text in YES else 'non'}")
            return text in YES
        self.warn(f"« {key} » n'est ni oui ni non ({value!r}) : ignoré")
        return None

    def contact(self, key: str = "contact") -> str:
        value = self.text(key)
        if "@" in value and not value.startswith(("http://", "https://", "mailto:")):
            local, _, domain = value.rpartition("@")
            if domain != domain.lower():
                self.warn(f"« {key} » : nom de domaine en majuscules, mis en minuscules")
                value = f"{local}@{domain.lower()}"
        return value

    def report_empty(self):
        if self.empty:
            self.warn("champs vides ignorés : " + ", ".join(sorted(set(self.empty))))


def parse_date(value, what: str) -> datetime.date | None:
    """A date from YAML (already a date, or an ISO text); anything else rejects the fiche."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    if isinstance(value, str):
        try:
            return datetime.date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise RecordError(f"date invalide pour {what} : « {value} » (format attendu : AAAA-MM-JJ)")


def identifier_of(path: Path) -> str:
    """The identifier other fiches use: the file name without `.md`, in composed Unicode."""
    name = unicodedata.normalize("NFC", path.name)
    return name[:-3] if name.endswith(".md") else name


def file_name_warnings(path: Path, warn) -> None:
    name = unicodedata.normalize("NFC", path.name)
    if not name.endswith(".md"):
        warn("fichier sans extension « .md » : importé quand même")
    identifier = identifier_of(path)
    if identifier != slugify(identifier):
        warn(f"nom de fichier avec accents, majuscules ou ponctuation : « {identifier} » conservé")


def slug_for(value: str, max_length: int = 80) -> str:
    """A URL slug for an identifier or a label (`mes.aides` → `mes-aides`, `e-inspé` → `e-inspe`)."""
    return slugify(value.replace(".", "-").replace("_", "-"))[:max_length].strip("-")


def reference(value) -> str:
    """`/organisations/dinum` or `dinum` → `dinum`."""
    return unicodedata.normalize("NFC", str(value).strip().rstrip("/").rsplit("/", 1)[-1])


def json_safe(value):
    """Dates and other YAML values as JSON, for the fields kept verbatim."""
    return json.loads(json.dumps(value, default=str, ensure_ascii=False))


def mask_emails(text: str) -> tuple[str, int]:
    return EMAIL.subn("[adresse masquée]", text)
