"""Per-record transactions and the import report shared by every importer."""

import json
import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from django.db import transaction

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, TextColumn, TimeRemainingColumn
from rich.progress import Progress as RichProgress

from core import caching

OUTCOMES = ("created", "updated", "unchanged")


class RecordError(Exception):
    """A record that cannot be imported; the message is the French reason shown to the user."""


@dataclass
class ImportReport:
    """What an import did, in the JSON shape documented for both importers.

    `warnings` is the full log, one line per notice, as before. `notices` sorts it for people:
    errors (records rejected), data-quality issues an editor can fix at the source (grouped by
    kind, each with the fiches concerned) and information (automatic fixes such as empty optional
    fields: only counted, they would hide the rest).
    """

    created: int = 0
    updated: int = 0
    unchanged: int = 0
    rejected: list[dict] = field(default_factory=list)
    warnings: list[dict] = field(default_factory=list)

    def count(self, outcome: str) -> None:
        if outcome not in OUTCOMES:
            raise ValueError(f"unknown outcome {outcome!r}")
        setattr(self, outcome, getattr(self, outcome) + 1)

    def warn(self, source: str, message: str) -> None:
        self.warnings.append({"source": source, "message": message})

    def reject(self, source: str, errors: list[str]) -> None:
        self.rejected.append({"source": source, "errors": errors})

    def notices(self) -> dict:
        """The notices grouped by level, then by kind, with counts."""
        errors: dict = {}
        for item in self.rejected:
            for error in item["errors"]:
                group = errors.setdefault(notice_kind(error), {"count": 0, "sources": []})
                group["count"] += 1
                group["sources"].append(item["source"])
        quality: dict = {}
        info: Counter = Counter()
        for item in self.warnings:
            kind = notice_kind(item["message"])
            if notice_level(item["message"]) == "info":
                info[kind] += 1
                continue
            group = quality.setdefault(kind, {"count": 0, "items": []})
            group["count"] += 1
            group["items"].append(item)
        order = sorted(quality, key=lambda kind: (-quality[kind]["count"], kind))
        return {
            "errors": errors,
            "quality": {kind: quality[kind] for kind in order},
            "info": dict(sorted(info.items(), key=lambda pair: (-pair[1], pair[0]))),
        }

    def as_dict(self, grouped: bool = False) -> dict:
        data = {
            "created": self.created,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "rejected": self.rejected,
            "warnings": self.warnings,
        }
        if grouped:
            data["notices"] = self.notices()
        return data

    def write_json(self, path) -> None:
        with open(path, "w", encoding="utf-8") as handle:
            json.dump(self.as_dict(grouped=True), handle, ensure_ascii=False, indent=2)

    def summary_fr(self, dry_run: bool = False) -> str:
        notices = self.notices()
        quality = sum(group["count"] for group in notices["quality"].values())
        info = sum(notices["info"].values())
        lines = [
            "Simulation (--dry-run) : rien n'a été enregistré." if dry_run else "Import terminé.",
            f"  créés : {self.created}",
            f"  mis à jour : {self.updated}",
            f"  inchangés : {self.unchanged}",
            f"  rejetés : {len(self.rejected)}",
            f"  avertissements : {len(self.warnings)} "
            f"(qualité des données : {quality} ; corrections automatiques : {info})",
        ]
        if not (self.created or self.updated or self.rejected):
            lines.append(f"  Rien n'a changé : {self.unchanged} inchangés.")
        for item in self.rejected:
            lines.append(f"  ✗ {item['source']} : {' ; '.join(item['errors'])}")
        for kind, group in list(notices["quality"].items())[:10]:
            lines.append(f"  ⚠ {kind} : {group['count']}")
        return "\n".join(lines)


# Notices that only say what the importer fixed by itself, or noted: counted, never listed.
INFO_PATTERNS = re.compile(
    r"champs vides ignorés|valeur vide ignorée|espaces superflus|en minuscules|sans « https:// » : ajouté|"
    r"liste séparée par des virgules|lu comme une liste|converti en texte|tabulations|lu comme «|"
    r"donnée personnelle non importée|adresse\(s\) électronique\(s\) masquée|nom de fichier avec accents|"
    r"fichier sans extension|lien externe ignoré|HTML brut dans le texte"
)
QUOTED = re.compile(r"«[^»]*»|\([^)]*\)|\d+")


def notice_level(message: str) -> str:
    return "info" if INFO_PATTERNS.search(message) else "quality"


def notice_kind(message: str) -> str:
    """What a notice is about, without its values (« incubateur introuvable : « x » » → its head)."""
    message = re.sub(r"^ligne \d+ : ", "", message)
    head = message.split(" : ", 1)[0]
    return " ".join(QUOTED.sub("…", head).split())[:120]


class Progress:
    """Progress of a run: a bar on a terminal (rich), plain lines elsewhere, nothing when quiet."""

    def __init__(self, total: int, stream=None, label: str = "Import", quiet: bool = False):
        self.total = max(total, 1)
        self.done = 0
        self.stream = stream
        self.label = label
        self.enabled = stream is not None and not quiet and total > 0
        self.bar = None
        if self.enabled and hasattr(stream, "isatty") and stream.isatty():
            self.console = Console(file=stream)
            self.bar = RichProgress(
                TextColumn("{task.description}"),
                BarColumn(),
                MofNCompleteColumn(),
                TimeRemainingColumn(),
                console=self.console,
                transient=False,
            )
            self.bar.start()
            self.task = self.bar.add_task(label, total=self.total)
        # Plain lines: about ten per step, so a log shows the run moving without drowning in it.
        self.every = max(1, self.total // 10)

    def step(self, name: str = "") -> None:
        self.done += 1
        if not self.enabled:
            return
        if self.bar is not None:
            self.bar.update(self.task, advance=1)
            if self.done >= self.total:
                self.bar.stop()
            return
        if self.done % self.every == 0 or self.done >= self.total:
            self.stream.write(f"{self.label} : {self.done}/{self.total}\n")
            self.stream.flush()


class ImportRun:
    """Runs records one by one, each in its own transaction, collecting the report.

    With `dry_run`, the whole run sits in one transaction rolled back at the end, so later
    records still see earlier ones (an incubator before its startups) and nothing is kept.
    """

    def __init__(self, dry_run: bool = False, progress_stream=None, batch_size: int = 1, quiet: bool = False):
        self.dry_run = dry_run
        self.quiet = quiet
        # With batch_size > 1, records still run in their own savepoint (a rejected record is
        # rolled back alone) but are committed by groups: one disk sync per group, not per record.
        self.batch_size = max(batch_size, 1)
        self.report = ImportReport()
        self.progress_stream = progress_stream
        self._outer = None

    def __enter__(self):
        # The page cache is invalidated once for the whole run (core/caching/__init__.py), after its commits.
        self._bumps = caching.bumps_deferred()
        self._bumps.__enter__()
        if self.dry_run:
            self._outer = transaction.atomic()
            self._outer.__enter__()
        return self

    def __exit__(self, exc_type, exc, tb):
        if self._outer is not None:
            transaction.set_rollback(True)
            self._outer.__exit__(exc_type, exc, tb)
        self._bumps.__exit__(exc_type, exc, tb)
        return False

    def run(self, records: Iterable[tuple[str, object]], handler: Callable, label: str = "Import"):
        """`handler(source, payload, warn)` returns an outcome: created, updated or unchanged."""
        records = list(records)
        progress = Progress(len(records), self.progress_stream, label, quiet=self.quiet)
        for first in range(0, len(records), self.batch_size):
            with transaction.atomic():
                for source, payload in records[first : first + self.batch_size]:
                    self.run_one(source, payload, handler)
                    progress.step(source)
        return self.report

    def run_one(self, source: str, payload, handler: Callable) -> str | None:
        pending = []

        def warn(message: str) -> None:
            pending.append(message)

        try:
            with transaction.atomic():
                outcome = handler(source, payload, warn)
        except RecordError as exc:
            self.report.reject(source, [str(exc)])
            outcome = None
        except Exception as exc:  # noqa: BLE001 - one bad record must not stop the others
            self.report.reject(source, [f"erreur inattendue : {type(exc).__name__}: {exc}"])
            outcome = None
        else:
            self.report.count(outcome)
        for message in pending:
            self.report.warn(source, message)
        return outcome
