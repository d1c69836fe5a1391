"""What both import commands share to run unattended: `--quiet`, one run at a time, exit codes.

Exit codes, for cron and systemd timers: 0 everything imported; 1 the run went through but some
records were rejected (errors to read in the report); 2 the run was refused before touching
anything (another run holds the lock, a missing directory, bad options).
"""

import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from .lock import import_lock
from .records import RecordError

EXIT_ERRORS = 1
EXIT_REFUSED = 2


class ImportCommand(BaseCommand):
    """A management command whose `run_import()` runs under the import's lock."""

    lock_name = "import"
    exit_code = 0

    def add_arguments(self, parser):
        parser.add_argument(
            "--quiet", action="store_true", help="ni barre de progression ni lignes d'avancement"
        )

    def refuse(self, message: str) -> CommandError:
        return CommandError(message, returncode=EXIT_REFUSED)

    def locked(self):
        """The lock for the whole run; a run already going on refuses this one (exit code 2)."""
        return import_lock(self.lock_name)

    def handle(self, *args, **options):
        directory = options.get("directory")
        if directory is not None and not Path(directory).is_dir():
            raise self.refuse(f"dossier introuvable : {directory}")
        try:
            with self.locked():
                report = self.run_import(*args, **options)
        except RecordError as exc:
            raise self.refuse(str(exc)) from exc
        self.exit_code = EXIT_ERRORS if report is not None and report.rejected else 0

    def run_import(self, *args, **options):
        raise NotImplementedError

    def progress_stream(self, options):
        return None if options.get("quiet") else sys.stderr

    def run_from_argv(self, argv):
        # Only from the command line: `call_command()` (tests, other code) gets no SystemExit.
        super().run_from_argv(argv)
        if self.exit_code:
            sys.exit(self.exit_code)
