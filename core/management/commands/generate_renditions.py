"""Generate the image renditions the templates use, for images uploaded before the signal existed."""

from django.core.management.base import BaseCommand

from core.renditions import generate_all


class Command(BaseCommand):
    help = "Crée les déclinaisons d'images utilisées par les gabarits (core/renditions.py)."

    def handle(self, *args, **options):
        images, failures = generate_all()
        self.stdout.write(
            f"{images} image(s) traitée(s), {failures} en échec (fichier manquant ou illisible)."
        )
