"""`python manage.py purge_personal_data`: apply the retention limits of personal data (once a day)."""

from django.core.management.base import BaseCommand

from home.personal_data import PURGE_LABELS, purge


class Command(BaseCommand):
    help = (
        "Supprime ou rend anonymes les données personnelles dont la durée de conservation est "
        "dépassée (tentatives de connexion, commentaires des avis, comptes jamais vérifiés, courriels "
        "envoyés, sessions expirées, invitations aux groupes, demandes de mentorat, réponses à la "
        "question de recommandation), selon FABRIQUE_RETENTION_DAYS, et le journal des recherches "
        "selon FABRIQUE_SEARCH_LOG_DAYS. À lancer chaque jour."
    )

    def handle(self, *args, **options):
        counts = purge()
        for key, count in counts.items():
            self.stdout.write(f"{count} {PURGE_LABELS[key]}")
        self.stdout.write(self.style.SUCCESS("Purge des données personnelles terminée."))
