"""Demo members with accounts and profiles, invented by the project; no password can log in.

Keyed by username and member slug: a second run changes nothing. Passwords are unusable: to try a
member's view, set one with `python manage.py changepassword <identifiant>` (README).
"""

import datetime

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction

from allauth.account.models import EmailAddress

from core.taxonomy.models import Role

from .groups import COACHS, MODERATEURS
from .membership import activate_member
from .models import Member, Mission

# username, first name, last name, roles, competences, mentoring, bio, extra groups
DEMO_MEMBERS = [
    (
        "lea.fontaine",
        "Léa",
        "Fontaine",
        ["coach"],
        ["Méthode startup d'État", "Mesure d'impact", "Recrutement"],
        True,
        "Coach depuis quatre ans, j'accompagne les équipes de l'investigation à la consolidation.",
        [COACHS],
    ),
    (
        "karim.benali",
        "Karim",
        "Benali",
        ["intrapreneur"],
        ["Droit public", "Conduite du changement"],
        False,
        "Intrapreneur au ministère, je porte un service pour simplifier les démarches des artisans.",
        [],
    ),
    (
        "sophie.marechal",
        "Sophie",
        "Maréchal",
        ["designer"],
        ["Recherche utilisateur", "Accessibilité", "Design"],
        True,
        "Designer UX : entretiens, tests d'utilisabilité et parcours accessibles.",
        [MODERATEURS],
    ),
    (
        "thomas.nguyen",
        "Thomas",
        "Nguyen",
        ["developpeur"],
        ["Python", "Django", "Hébergement"],
        False,
        "Développeur, je construis des services publics numériques simples et sobres.",
        [],
    ),
]


@transaction.atomic
def load(home, log):
    User = get_user_model()
    created = 0
    for username, first, last, roles, competences, mentoring, bio, groups in DEMO_MEMBERS:
        email = f"{username}@beta.gouv.fr"
        user, new_user = User.objects.get_or_create(
            username=username, defaults={"email": email, "first_name": first, "last_name": last}
        )
        if new_user:
            user.set_unusable_password()
            user.save(update_fields=["password"])
            EmailAddress.objects.get_or_create(
                user=user, email=email, defaults={"verified": True, "primary": True}
            )
            # Admin access: the group's access_admin, plus is_staff from joining it (staff.py).
            user.groups.add(*Group.objects.filter(name__in=groups))
            created += 1
        member = Member.objects.filter(user=user).first()
        if member is None:
            member = activate_member(user)
            member.bio = bio
            member.competences = competences
            member.mentoring = mentoring
            member.save()
            member.roles.set(Role.objects.filter(slug__in=roles))
            member.save()
    if created:
        log(f"Membres de démonstration : {created} compte(s) créé(s) (mots de passe inutilisables).")
    load_coaching_and_missions(log)
    return Member.objects.filter(user__username__in=[row[0] for row in DEMO_MEMBERS])


# The demo incubator and startup (community/startups/demo.py), reached through the relations so
# this layer names no page type above it. username -> (role, start, validation) on the startup.
DEMO_COACH, DEMO_INCUBATOR, DEMO_STARTUP = "lea.fontaine", "fabrique-des-territoires", "cantine-locale"
DEMO_MISSIONS = {
    "thomas.nguyen": ("developpeur", "2024-09-02", Mission.VALIDATED),
    "sophie.marechal": ("designer", "2025-01-06", Mission.PENDING),
}


def load_coaching_and_missions(log):
    """Léa coaches the demo incubator; Thomas works on its startup, Sophie's mission awaits Léa."""
    incubator = (
        Member._meta.get_field("coached_incubators").related_model.objects.filter(slug=DEMO_INCUBATOR).first()
    )
    startup = Mission._meta.get_field("startup").related_model.objects.filter(slug=DEMO_STARTUP).first()
    if incubator is None or startup is None:
        return
    coach = Member.objects.filter(user__username=DEMO_COACH).first()
    if coach is not None and not coach.coached_incubators.filter(pk=incubator.pk).exists():
        coach.coached_incubators.add(incubator)
        coach.save()
    added = 0
    for username, (role, start, validation) in DEMO_MISSIONS.items():
        member = Member.objects.filter(user__username=username).first()
        if member is None or Mission.objects.filter(member=member, startup=startup).exists():
            continue
        Mission.objects.create(
            member=member,
            startup=startup,
            startup_ref=DEMO_STARTUP,
            role=Role.objects.filter(slug=role).first(),
            start=datetime.date.fromisoformat(start),
            status="admin",
            validation=validation,
        )
        added += 1
    if added:
        log(f"Missions de démonstration : {added} (dont une en attente de validation par la coach).")
