"""What the site keeps about people, why, and for how long: one list for the page and the purge.

The « Données personnelles » page (home/models/legal.py) prints `RECORDS` with the durations of
`FABRIQUE_RETENTION_DAYS`; `manage.py purge_personal_data` (run once a day by the scheduler, see
README) applies the same durations through `purge()`. Changing a duration in the environment
changes both at once.
"""

from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.contrib.sessions.models import Session
from django.db import transaction
from django.utils import timezone

from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from community.feedback.retention import anonymize_feedback
from community.groups.retention import purge_invitations
from community.health.retention import purge_nps_answers
from community.members.retention import delete_unverified_accounts, purge_login_attempts
from community.mentoring.retention import purge_requests
from resources.search.querylog import purge_search_log


def duration_label(days: int) -> str:
    """« 6 mois », « 1 an », « 30 jours »: how a retention period reads on the page."""
    if days % 365 == 0:
        years = days // 365
        return f"{years} an{'s' if years > 1 else ''}"
    if days % 30 == 0 and days >= 60:
        return f"{days // 30} mois"
    return f"{days} jour{'s' if days > 1 else ''}"


@dataclass(frozen=True)
class Record:
    """One kind of personal data: what it is, why it is kept, and its retention rule."""

    data: str
    purpose: str
    rule: str  # may name a duration of FABRIQUE_RETENTION_DAYS as {login_attempts}…

    @property
    def retention(self) -> str:
        durations = {key: duration_label(days) for key, days in settings.FABRIQUE_RETENTION_DAYS.items()}
        durations["session"] = duration_label(max(1, settings.SESSION_COOKIE_AGE // 86400))
        return self.rule.format(**durations)


RECORDS = [
    Record(
        "Compte : adresse électronique, nom, mot de passe (chiffré), date d'inscription et de dernière "
        "connexion ; fiche de membre et missions",
        "Vous connecter, vous présenter dans l'annuaire des membres, suivre vos parcours et vos "
        "contributions.",
        "Tant que le compte existe ; un compte dont l'adresse n'a jamais été vérifiée et qui n'a jamais "
        "servi est supprimé au bout de {unverified_accounts}.",
    ),
    Record(
        "Tentatives de connexion : adresse IP, navigateur, identifiant saisi, date",
        "Protéger les comptes : bloquer une adresse après plusieurs mots de passe faux.",
        "{login_attempts}, puis suppression.",
    ),
    Record(
        "Avis des lecteurs : réponse oui/non, commentaire, compte si vous étiez connecté",
        "Améliorer les pages du site.",
        "Commentaire et lien vers le compte effacés au bout de {feedback_comments} ; la réponse oui/non "
        "reste, anonyme, pour les statistiques.",
    ),
    Record(
        "Situations « Vers qui me tourner ? » que vous avez vécues et sur lesquelles vous acceptez "
        "d'être contacté·e",
        "Permettre à d'autres membres, connectés, de vous demander conseil. Les réponses « ça m'a "
        "aidé » sont anonymes, et rien n'est enregistré sur qui consulte une situation confidentielle.",
        "Tant que vous la gardez cochée (/vers-qui-me-tourner/mes-situations/).",
    ),
    Record(
        "Contributions et propositions d'amélioration : texte, fichier, auteur",
        "Relecture par les coachs et les modérateurs, crédit de l'auteur.",
        "Tant que le compte existe ; à sa suppression, le lien vers l'auteur est effacé.",
    ),
    Record(
        "Invitations à un groupe de travail : adresse électronique invitée, auteur de l'invitation, "
        "date de réponse",
        "Inviter une personne dans un groupe, qu'elle ait un compte ou non.",
        "Jusqu'à l'acceptation ou à l'expiration du lien (une invitation déclinée est supprimée aussitôt), "
        "puis {group_invitations} avant suppression.",
    ),
    Record(
        "Demandes de mentorat : message, raisons de la suggestion, demandeur·se et mentor, réponse",
        "Mettre en relation un·e membre et un·e mentor ; seule une acceptation donne à chacun "
        "l'adresse de l'autre.",
        "{mentoring_requests} après la réponse (ou après l'envoi, pour une demande restée sans "
        "réponse), puis suppression.",
    ),
    Record(
        "Réponses à la question « Recommanderiez-vous la communauté ? » : note, trimestre, compte",
        "Ne poser la question qu'une fois par trimestre ; mesurer la santé de la communauté (chiffres "
        "publiés seulement par groupes assez nombreux pour qu'aucune réponse ne soit reconnaissable).",
        "{nps_answers}, puis suppression (jamais celles du trimestre en cours).",
    ),
    Record(
        "Courriels envoyés par le site : adresse du destinataire, contenu",
        "Envoyer les notifications (relecture, contributions, compte) et réessayer un envoi échoué.",
        "{finished_tasks} après l'envoi, puis suppression.",
    ),
    Record(
        "Cookie de session",
        "Rester connecté d'une page à l'autre.",
        "{session} au plus ; les sessions expirées sont supprimées.",
    ),
]

# What `purge()` reports, in French, by key.
PURGE_LABELS = {
    "login_attempts": "tentatives de connexion supprimées",
    "feedback_comments": "avis des lecteurs rendus anonymes",
    "unverified_accounts": "comptes jamais vérifiés supprimés",
    "finished_tasks": "tâches terminées (courriels envoyés) supprimées",
    "sessions": "sessions expirées supprimées",
    "group_invitations": "invitations à un groupe (acceptées ou expirées) supprimées",
    "mentoring_requests": "demandes de mentorat (répondues ou restées sans réponse) supprimées",
    "nps_answers": "réponses à la question de recommandation supprimées",
    "search_log": "recherches du journal des recherches supprimées",
}


def cutoff(key: str, now):
    return now - timedelta(days=settings.FABRIQUE_RETENTION_DAYS[key])


@transaction.atomic
def purge(now=None) -> dict[str, int]:
    """Apply every retention limit; how many records each rule deleted or made anonymous."""
    now = now or timezone.now()
    finished = DBTaskResult.objects.filter(
        status__in=[TaskResultStatus.SUCCESSFUL, TaskResultStatus.FAILED],
        finished_at__lt=cutoff("finished_tasks", now),
    )
    return {
        "login_attempts": purge_login_attempts(cutoff("login_attempts", now)),
        "feedback_comments": anonymize_feedback(cutoff("feedback_comments", now)),
        "unverified_accounts": delete_unverified_accounts(cutoff("unverified_accounts", now)),
        "finished_tasks": finished.delete()[0],
        "sessions": Session.objects.filter(expire_date__lt=now).delete()[0],
        "group_invitations": purge_invitations(cutoff("group_invitations", now)),
        "mentoring_requests": purge_requests(cutoff("mentoring_requests", now)),
        "nps_answers": purge_nps_answers(cutoff("nps_answers", now)),
        # No personal data, but kept no longer than FABRIQUE_SEARCH_LOG_DAYS either: one daily purge.
        "search_log": purge_search_log(now),
    }
