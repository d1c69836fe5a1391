"""`python manage.py load_demo`: the French demo site, built idempotently."""

import secrets
from importlib import import_module

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand

from community.editorial import ensure_editorial_setup

# Each module exposes load(log). Order matters: later apps fill the sections home.demo creates.
DEMO_MODULES = [
    "home.demo",
    "resources.demo_guides",
    "resources.demo_library",
    "community.demo_startups",
    "community.demo_roles",
    "community.demo_members",
]


class Command(BaseCommand):
    help = "Charge le contenu de démonstration (idempotent) et crée un administrateur de démo."

    def add_arguments(self, parser):
        parser.add_argument("--no-admin", action="store_true", help="Ne pas créer l'administrateur de démo.")

    def handle(self, *args, no_admin=False, **options):
        for module_name in DEMO_MODULES:
            import_module(module_name).load(self.log)
        ensure_editorial_setup()  # workflows and per-section permissions on the sections just made
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
        user.groups.add(Group.objects.get(name="Administrateurs"))
        self.stdout.write(self.style.WARNING("Administrateur de démo créé :"))
        self.stdout.write(f"    identifiant : admin\n    mot de passe : {password}")
