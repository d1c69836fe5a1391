"""`import_gitbook DIR`: import a GitBook export as guide pages (logic in `resources.guides.gitbook`)."""

from core.importing.commands import ImportCommand
from resources.guides.gitbook import GitbookImport, find_parent
from resources.guides.gitbook.restated import find_incubator


class Command(ImportCommand):
    help = (
        "Importe un export GitBook (dossier avec SUMMARY.md, par exemple la copie Git du guide) en pages "
        "de guide. Codes de sortie : 0 tout est importé, 1 des pages sont rejetées, 2 import refusé."
    )
    lock_name = "import_gitbook"

    def add_arguments(self, parser):
        parser.add_argument("directory", help="dossier de l'export GitBook (contient SUMMARY.md)")
        parser.add_argument("--parent", help="page parente : identifiant ou adresse (par défaut /guides/)")
        parser.add_argument("--publish", action="store_true", help="publier les pages importées")
        parser.add_argument("--dry-run", action="store_true", help="simuler sans rien enregistrer")
        parser.add_argument("--report", metavar="FICHIER.json", help="écrire le rapport JSON dans ce fichier")
        parser.add_argument(
            "--fetch-remote",
            action="store_true",
            help="télécharger les images distantes dans la médiathèque (sinon gardées comme liens)",
        )
        parser.add_argument(
            "--gitbook-base-url",
            default="",
            metavar="URL",
            help="adresse publique du guide sur GitBook (ex. https://doc.incubateur.net/communaute) : "
            "chaque ancienne adresse de page redirige vers la page importée",
        )
        parser.add_argument(
            "--redirect-prefix",
            default=None,
            metavar="/CHEMIN",
            help="préfixe des anciennes adresses redirigées (par défaut le chemin de --gitbook-base-url)",
        )
        parser.add_argument(
            "--incubator",
            default="",
            metavar="SLUG",
            help="GitBook d'un incubateur (identifiant de sa page, ex. fabrique-mi) : une page qui "
            "reprend une page commune (même titre) en devient la variante de l'incubateur, les "
            "autres sont importées comme ses pages propres",
        )
        super().add_arguments(parser)

    def run_import(self, directory, parent=None, publish=False, dry_run=False, report=None, **options):
        importer = GitbookImport(
            directory,
            parent=find_parent(parent),
            publish=publish,
            progress_stream=self.progress_stream(options),
            fetch_remote=options.get("fetch_remote", False),
            gitbook_base_url=options.get("gitbook_base_url") or "",
            redirect_prefix=options.get("redirect_prefix"),
            quiet=options.get("quiet", False),
            incubator=find_incubator(options["incubator"]) if options.get("incubator") else None,
        )
        result = importer.run(dry_run=dry_run)
        self.stdout.write(result.summary_fr(dry_run=dry_run))
        self.stdout.write(importer.summary_fr())
        if report:
            result.write_json(report)
            self.stdout.write(f"Rapport écrit dans {report}")
        return result
