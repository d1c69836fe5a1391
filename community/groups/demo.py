"""Demo working groups in French, written by the project: every type and every visibility, with
coordinators, members, a request waiting, an invitation sent and shared resources.

Keyed by group slug (get_or_create): a second run changes nothing. Needs the demo members
(community/members/demo.py); the discussions' demo then writes its threads in these groups (same
slugs). The incubator and the resources are reached through the relations: groups import neither.
"""

from django.contrib.auth import get_user_model
from django.db import transaction

from .models import Group, GroupKind, GroupVisibility, Invitation, Membership, SharedResource

# slug, name, purpose, kind, visibility, listed, incubator?, coordinators, members, requests
DEMO_GROUPS = [
    (
        "communaute-produit",
        "Communauté produit",
        "Les intrapreneurs et coachs échangent sur la conduite d'un produit public : investigation, "
        "mesure d'impact, passage de phase.",
        GroupKind.COMMUNAUTE_DE_PRATIQUE,
        GroupVisibility.PUBLIC,
        False,
        False,
        ["lea.fontaine"],
        ["karim.benali", "sophie.marechal", "thomas.nguyen"],
        [],
    ),
    (
        "club-des-developpeurs",
        "Club des développeurs",
        "Les développeuses et développeurs des startups d'État partagent leurs choix techniques, "
        "leurs outils d'hébergement et leurs retours sur l'accessibilité du code.",
        GroupKind.CLUB_METIER,
        GroupVisibility.MEMBERS,
        False,
        False,
        ["thomas.nguyen"],
        ["sophie.marechal"],
        [],
    ),
    (
        "equipes-de-l-incubateur",
        "Les équipes de l'incubateur",
        "Le point de rencontre des équipes accompagnées par l'incubateur : agenda commun, entraide "
        "entre startups, préparation des comités d'investissement.",
        GroupKind.GROUPE_INCUBATEUR,
        GroupVisibility.MEMBERS,
        False,
        True,
        ["lea.fontaine", "karim.benali"],
        ["thomas.nguyen"],
        [],
    ),
    (
        "referentes-accessibilite",
        "Cercle des référentes et référents accessibilité",
        "Un cercle restreint pour préparer les audits RGAA, partager les déclarations d'accessibilité "
        "et relire ensemble les schémas pluriannuels avant publication.",
        GroupKind.PROJET_TRANSVERSE,
        GroupVisibility.PRIVATE,
        True,
        False,
        ["sophie.marechal"],
        ["thomas.nguyen"],
        ["karim.benali"],
    ),
]
# An invitation waiting for someone who has no account yet.
DEMO_INVITATION = ("referentes-accessibilite", "camille.invitee@beta.gouv.fr", "sophie.marechal")
# group slug -> how many library resources are shared there, the first one pinned
DEMO_SHARES = {"communaute-produit": 3, "equipes-de-l-incubateur": 1}


@transaction.atomic
def load(home, log):
    users = {user.username: user for user in get_user_model().objects.filter(username__contains=".")}
    incubator = Group._meta.get_field("incubator").related_model.objects.live().order_by("pk").first()
    created = 0
    for (
        slug,
        name,
        purpose,
        kind,
        visibility,
        listed,
        of_incubator,
        coordinators,
        members,
        asking,
    ) in DEMO_GROUPS:
        group, new = Group.objects.get_or_create(
            slug=slug,
            defaults={
                "name": name,
                "purpose": purpose,
                "kind": kind,
                "visibility": visibility,
                "listed": listed,
                "incubator": incubator if of_incubator else None,
                "created_by": users.get(coordinators[0]),
            },
        )
        created += new
        people = [
            *((username, Membership.Role.COORDINATOR, Membership.Status.ACTIVE) for username in coordinators),
            *((username, Membership.Role.MEMBER, Membership.Status.ACTIVE) for username in members),
            *((username, Membership.Role.MEMBER, Membership.Status.REQUESTED) for username in asking),
        ]
        for username, role, status in people:
            if username in users:
                Membership.objects.get_or_create(
                    group=group, user=users[username], defaults={"role": role, "status": status}
                )
    slug, email, inviter = DEMO_INVITATION
    Invitation.objects.get_or_create(
        group=Group.objects.get(slug=slug), email=email, defaults={"invited_by": users.get(inviter)}
    )
    resources = SharedResource._meta.get_field("page").related_model.objects.live().order_by("path")
    for slug, count in DEMO_SHARES.items():
        group = Group.objects.get(slug=slug)
        for position, page in enumerate(resources[:count]):
            SharedResource.objects.get_or_create(
                group=group,
                page=page,
                defaults={"pinned": position == 0, "position": 1 if position == 0 else 0},
            )
    if created:
        log(f"Groupes de travail de démonstration : {created} groupe(s) créé(s).")
