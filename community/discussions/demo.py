"""Demo threads in French, written by the project, in demo groups made here if none exist yet.

Keyed by group slug and thread title (get_or_create): a second run changes nothing. Needs the
demo members (community/members/demo.py), loaded before.
"""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from community.groups.models import Group, GroupKind, GroupVisibility, Membership

from .markup import render
from .models import Message, Thread, ThreadKind

# slug, name, purpose, kind, visibility, coordinator, members
DEMO_GROUPS = [
    (
        "communaute-produit",
        "Communauté produit",
        "Les intrapreneurs et coachs échangent sur la conduite d'un produit public : investigation, "
        "mesure d'impact, passage de phase.",
        GroupKind.COMMUNAUTE_DE_PRATIQUE,
        GroupVisibility.PUBLIC,
        "lea.fontaine",
        ["karim.benali", "sophie.marechal", "thomas.nguyen"],
    ),
    (
        "club-des-developpeurs",
        "Club des développeurs",
        "Les développeuses et développeurs des startups d'État partagent leurs choix techniques.",
        GroupKind.CLUB_METIER,
        GroupVisibility.MEMBERS,
        "thomas.nguyen",
        ["sophie.marechal"],
    ),
]

# group slug, title, kind, resolved, [(author, body)]
DEMO_THREADS = [
    (
        "communaute-produit",
        "Comment mesurer l'impact d'un service en investigation ?",
        ThreadKind.QUESTION,
        True,
        [
            (
                "karim.benali",
                "Bonjour à toutes et à tous,\n\nNous entrons en investigation et le comité demande des "
                "**indicateurs d'impact**. Lesquels avez-vous suivis si tôt ? @lea-fontaine, une idée ?",
            ),
            (
                "lea-fontaine",
                "Avant le service, mesurez le problème : le temps perdu par les usagers, le nombre de "
                "démarches abandonnées. Voir la [fiche de la méthode](https://beta.gouv.fr/approche/).",
            ),
            ("karim.benali", "Merci, c'est exactement ce qu'il nous fallait. Je marque la question résolue."),
        ],
    ),
    (
        "communaute-produit",
        "Retours d'expérience : tests utilisateurs en mairie",
        ThreadKind.DISCUSSION,
        False,
        [
            (
                "sophie.marechal",
                "Nous avons mené six tests en mairie le mois dernier. Trois enseignements :\n\n"
                "1. venir avec une maquette papier ;\n2. prévoir 45 minutes ;\n3. rappeler que l'on teste le "
                "service, pas la personne.",
            ),
            ("thomas.nguyen", "Merci Sophie ! Le point 3 change tout, on l'oublie trop souvent."),
        ],
    ),
    (
        "club-des-developpeurs",
        "Quel hébergement pour une base PostgreSQL ?",
        ThreadKind.QUESTION,
        False,
        [
            (
                "thomas.nguyen",
                "Nous hésitons entre deux hébergeurs qualifiés SecNumCloud. Qui a migré récemment ? "
                "Les sauvegardes `pg_dump` quotidiennes suffisent-elles ?",
            ),
        ],
    ),
]


def _user(username):
    # Demo identifiers: the account's username (lea.fontaine) or its member slug (lea-fontaine).
    User = get_user_model()
    return User.objects.filter(username=username.replace("-", ".")).first()


@transaction.atomic
def load(home, log):
    users = {}
    for slug, name, purpose, kind, visibility, coordinator, members in DEMO_GROUPS:
        group, _ = Group.objects.get_or_create(
            slug=slug, defaults={"name": name, "purpose": purpose, "kind": kind, "visibility": visibility}
        )
        for username in [coordinator, *members]:
            user = users.setdefault(username, _user(username))
            if user is None:
                continue
            role = Membership.Role.COORDINATOR if username == coordinator else Membership.Role.MEMBER
            Membership.objects.get_or_create(group=group, user=user, defaults={"role": role})
    created = 0
    now = timezone.now()
    for slug, title, kind, resolved, posts in DEMO_THREADS:
        group = Group.objects.get(slug=slug)
        start = now - timedelta(days=3 + 2 * created)
        author = _user(posts[0][0])
        thread, new = Thread.objects.get_or_create(
            group=group,
            title=title,
            defaults={"author": author, "kind": kind, "created_at": start, "last_activity_at": start},
        )
        if not new:
            continue
        created += 1
        for position, (username, body) in enumerate(posts):
            html, _ = render(body)
            at = start + timedelta(hours=3 * position)
            Message.objects.create(
                thread=thread, author=_user(username), body=body, body_html=html, created_at=at
            )
            thread.last_activity_at = at
        if resolved:
            thread.resolved_at, thread.resolved_by = thread.last_activity_at, author
        thread.save()
    if created:
        log(f"Discussions de démonstration : {created} fil(s) créé(s).")
