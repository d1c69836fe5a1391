"""`python manage.py load_demo`: the French demo site (setup_site, then the demo), built idempotently."""

import secrets

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand

from community.members.groups import ADMINISTRATEURS
from home.demo import load_demo


class Command(BaseCommand):
    help = (
        "Prépare le site (setup_site), charge la démonstration (idempotent) et crée un "
        "administrateur de démo."
    )

    def add_arguments(self, parser):
        parser.add_argument("--no-admin", action="store_true", help="Ne pas créer l'administrateur de démo.")

    def handle(self, *args, no_admin=False, **options):
        load_demo(self.log)
        if not no_admin:
            self.ensure_admin()
        self.stdout.write(self.style.SUCCESS("Contenu de démonstration prêt."))

    def log(self, message):
        self.stdout.write(f"  {message}")

    def ensure_admin(self):
        User = get_user_model()
        if User.objects.filter(username="admin").exists():
            self.stdout.write(
                "Administrateur de démo : « admin » existe déjà (mot de passe inchangé ; "
                "python manage.py changepassword admin pour le changer)."
            )
            return
        password = secrets.token_urlsafe(12)
        user = User.objects.create_superuser("admin", "admin@fabrique.localhost", password)
        user.groups.add(Group.objects.get(name=ADMINISTRATEURS))
        self.stdout.write(self.style.WARNING("Administrateur de démo créé :"))
        self.stdout.write(f"    identifiant : admin\n    mot de passe : {password}")
