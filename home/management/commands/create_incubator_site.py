"""`python manage.py create_incubator_site --incubator <slug> --hostname <host>`: an incubator's own site."""

from django.core.management.base import BaseCommand, CommandError

from home.incubator_sites import IncubatorSiteError, create_incubator_site


class Command(BaseCommand):
    help = (
        "Donne à un incubateur son propre nom de domaine : une page d'accueil, son identité et sa "
        "navigation, sur la méthode, les ressources et les startups du réseau. Sans effet si le site "
        "existe déjà. Ajoutez aussi le nom de domaine à DJANGO_ALLOWED_HOSTS."
    )

    def add_arguments(self, parser):
        parser.add_argument("--incubator", required=True, help="slug de la fiche de l'incubateur")
        parser.add_argument("--hostname", required=True, help="nom de domaine du site de l'incubateur")
        parser.add_argument("--port", type=int, default=80, help="port public (défaut : 80)")

    def handle(self, *args, incubator, hostname, port, **options):
        hostname = hostname.strip().lower()
        if not incubator.strip() or not hostname:
            raise CommandError("L'incubateur et le nom de domaine ne peuvent pas être vides.")
        if not 0 < port < 65536:
            raise CommandError(f"Port invalide : {port} (un nombre entre 1 et 65535 est attendu).")
        try:
            site = create_incubator_site(incubator.strip(), hostname, port, log=self.log)
        except IncubatorSiteError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(self.style.SUCCESS(f"Site de l'incubateur prêt : {site.hostname}."))

    def log(self, message):
        self.stdout.write(f"  {message}")
