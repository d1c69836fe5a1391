"""Per-record transactions and the import report shared by every importer."""

import json
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from django.db import transaction

from core import caching

OUTCOMES = ("created", "updated", "unchanged")


class RecordError(Exception):
    """A record that cannot be imported; the message is the French reason shown to the user."""


@dataclass
class ImportReport:
    """What an import did, in the JSON shape documented for both importers."""

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

    def as_dict(self) -> dict:
        return {
            "created": self.created,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "rejected": self.rejected,
            "warnings": self.warnings,
        }

    def write_json(self, path) -> None:
        with open(path, "w", encoding="utf-8") as handle:
            json.dump(self.as_dict(), handle, ensure_ascii=False, indent=2)

    def summary_fr(self, dry_run: bool = False) -> str:
        lines = [
            "Simulation (--dry-run) : rien n'a été enregistré." if dry_run else "Import terminé.",
            f"  créés : {self.created}",
            f"  mis à jour : {self.updated}",
            f"  inchangés : {self.unchanged}",
            f"  rejetés : {len(self.rejected)}",
            f"  avertissements : {len(self.warnings)}",
        ]
        for item in self.rejected:
            lines.append(f"  ✗ {item['source']} : {' ; '.join(item['errors'])}")
        return "\n".join(lines)


class Progress:
    """A one-line progress bar, drawn only when the output is a terminal."""

    def __init__(self, total: int, stream=None, label: str = "Import"):
        self.total = max(total, 1)
        self.done = 0
        self.stream = stream or sys.stderr
        self.label = label
        self.enabled = hasattr(self.stream, "isatty") and self.stream.isatty()

    def step(self, name: str = "") -> None:
        self.done += 1
        if not self.enabled:
            return
        width = 30
        filled = int(width * self.done / self.total)
        bar = "█" * filled + "·" * (width - filled)
        self.stream.write(f"\r{self.label} [{bar}] {self.done}/{self.total} {name[:40]:<40}")
        if self.done >= self.total:
            self.stream.write("\n")
        self.stream.flush()


class ImportRun:
    """Runs records one by one, each in its own transaction, collecting the report.

    With `dry_run`, the whole run sits in one transaction rolled back at the end, so later
    records still see earlier ones (an incubator before its startups) and nothing is kept.
    """

    def __init__(self, dry_run: bool = False, progress_stream=None, batch_size: int = 1):
        self.dry_run = dry_run
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
        progress = Progress(len(records), self.progress_stream, label)
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
