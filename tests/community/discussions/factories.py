"""Groups, memberships and threads for the discussions' tests (written through posting.py)."""

from community.discussions import posting
from community.discussions.models import ThreadKind
from community.groups.models import Group, GroupVisibility, Membership
from tests.community.members.factories import make_user


def make_group(slug="cuisine-du-produit", visibility=GroupVisibility.PUBLIC, name=None):
    return Group.objects.create(
        slug=slug, name=name or f"Groupe {slug}", purpose="Partager nos pratiques.", visibility=visibility
    )


def join(group, user, *, coordinator=False):
    role = Membership.Role.COORDINATOR if coordinator else Membership.Role.MEMBER
    Membership.objects.create(group=group, user=user, role=role, status=Membership.Status.ACTIVE)
    return user


def make_person(username, identifier=None, groups=()):
    """A member account whose member identifier is `identifier` (prenom.nom)."""
    user = make_user(username, groups, first_name=username.capitalize(), last_name="Test")
    if identifier:
        user.member.slug = identifier
        user.member.save()
    return user


def make_thread(group, author, title="Comment recruter un·e développeur·se ?", body="Des conseils ?", **kw):
    kind = kw.pop("kind", ThreadKind.QUESTION)
    return posting.open_thread(group, author, title=title, kind=kind, body=body, **kw)


def roles(group):
    """One account per role of the visibility matrix, the group members joined to `group`."""
    people = {
        "membre": make_person("visiteuse"),
        "membre_du_groupe": join(group, make_person("adherente")),
        "coordination": join(group, make_person("coordinatrice"), coordinator=True),
        "moderation": make_person("moderatrice", groups=["Modérateurs"]),
    }
    return people
