"""`python manage.py setup_site`: a real site without demo content (home page, sections, workflows)."""

from django.core.management.base import BaseCommand, CommandError

from home.site import setup_site


class Command(BaseCommand):
    help = (
        "Crée la page d'accueil, toutes les rubriques (guides, ressources, startups, incubateurs, "
        "rôles, parcours, contribuer, chiffres), et leur attache les workflows et les droits des "
        "groupes. Aucun contenu de démonstration. Sans effet si le site existe déjà."
    )

    def add_arguments(self, parser):
        parser.add_argument("--site-name", default="Fabrique", help="nom du site (défaut : Fabrique)")
        parser.add_argument(
            "--hostname", default="localhost", help="nom de domaine servi (défaut : localhost)"
        )
        parser.add_argument("--port", type=int, default=80, help="port public (défaut : 80)")

    def handle(self, *args, site_name, hostname, port, **options):
        if not site_name.strip() or not hostname.strip():
            raise CommandError("Le nom du site et le nom de domaine ne peuvent pas être vides.")
        if not 0 < port < 65536:
            raise CommandError(f"Port invalide : {port} (un nombre entre 1 et 65535 est attendu).")
        setup_site(site_name=site_name.strip(), hostname=hostname.strip(), port=port, log=self.log)
        self.stdout.write(self.style.SUCCESS("Site prêt : page d'accueil, rubriques, workflows et droits."))

    def log(self, message):
        self.stdout.write(f"  {message}")
