"""Demo of « Grandir »: who offers help, who looks for a mentor, and one « On recrute » offer.

Written in French by the project; keyed by the demo members' usernames (community/members/demo.py),
so a second run changes nothing.
"""

import datetime

from django.db import transaction

from community.members.models import Member, Mission
from core.taxonomy.models import Role, Thematique

from .models import MEMBERS, MentoringProfile, MissionOffer

# username -> (je peux aider sur, je cherche un·e mentor pour, ouvert·e à une mobilité vers le rôle)
STATEMENTS = {
    "lea.fontaine": (["coaching", "comité d'investissement", "recrutement"], [], None),
    "karim.benali": (["marchés publics", "financement"], [], None),
    "thomas.nguyen": (
        ["django", "hébergement"],
        ["comité d'investissement", "marchés publics"],
        "developpeur",
    ),
    "sophie.marechal": ([], ["recherche utilisateur en administration centrale"], None),
}

OFFER = {
    "title": "Développeur·se full-stack pour la Cantine locale",
    "description": (
        "La Cantine locale passe en accélération : nous cherchons une personne pour reprendre le "
        "back-office des menus et l'API ouverte aux collectivités. Mission de six mois renouvelable, "
        "en binôme avec le développeur actuel, qui part dans trois mois."
    ),
}


@transaction.atomic
def load(home, log):
    created = 0
    for username, (helps, seeks, mobility_role) in STATEMENTS.items():
        member = Member.objects.filter(user__username=username).first()
        if member is None or MentoringProfile.objects.filter(member=member).exists():
            continue
        profile = MentoringProfile.objects.create(
            member=member,
            help_skills=helps,
            help_visibility=MEMBERS,
            seeking_skills=seeks,
            seeking_note="; ".join(seeks),
            seeking_visibility=MEMBERS,
            mobility_open=mobility_role is not None,
            mobility_role=Role.objects.filter(slug=mobility_role).first() if mobility_role else None,
            mobility_from=datetime.date.today() + datetime.timedelta(days=90) if mobility_role else None,
            mobility_visibility=MEMBERS,
        )
        if helps:
            profile.help_thematiques.set(Thematique.objects.order_by("pk")[:1])
        created += 1
    mission = Mission.objects.validated().running().filter(startup__isnull=False).order_by("pk").first()
    if mission is not None and not MissionOffer.objects.filter(startup=mission.startup).exists():
        MissionOffer.objects.create(
            startup=mission.startup,
            role=Role.objects.filter(slug="developpeur").first(),
            posted_by=mission.member,
            status=MissionOffer.OPEN,
            **OFFER,
        )
        created += 1
    if created:
        log(f"Mentorat et « On recrute » de démonstration : {created} élément(s).")
