"""The background worker (`make run` starts it beside the web server): django-tasks-db's `db_worker`,
named after where it runs, which first puts back in the queue the tasks of dead workers (core/worker.py).
"""

from django_tasks_db.management.commands.db_worker import Command as DatabaseWorkerCommand

from core.worker import new_worker_id, release_orphaned_tasks


class Command(DatabaseWorkerCommand):
    help = (
        "Exécute les tâches de fond (courriels, index de recherche, déclinaisons d'images) ; "
        "remet d'abord en file celles d'un worker arrêté en cours de route."
    )

    def handle(self, *args, **options):
        # Computed here, not as the option's default: with --reload the tasks run in a child process.
        if options.get("worker_id") is None:
            options["worker_id"] = new_worker_id()
        self.configure_logging(options["verbosity"])
        release_orphaned_tasks(options["backend_name"])
        return super().handle(*args, **options)

    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.set_defaults(worker_id=None)
