"""Factories for working groups, and `group_with_people`: a group with a coordinator and a member."""

import factory

from community.groups.models import Group, GroupKind, GroupVisibility, Membership
from tests.community.members.factories import make_user


class GroupFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Groupe {n}")
    slug = factory.Sequence(lambda n: f"groupe-{n}")
    purpose = "Partager nos pratiques et nous entraider entre pairs."
    kind = GroupKind.COMMUNAUTE_DE_PRATIQUE
    visibility = GroupVisibility.PUBLIC

    class Meta:
        model = Group


class MembershipFactory(factory.django.DjangoModelFactory):
    group = factory.SubFactory(GroupFactory)
    user = factory.LazyFunction(lambda: make_user(f"membre-{Membership.objects.count()}"))
    role = Membership.Role.MEMBER
    status = Membership.Status.ACTIVE

    class Meta:
        model = Membership


def coordinate(group, user):
    return MembershipFactory(group=group, user=user, role=Membership.Role.COORDINATOR)


def join(group, user, **fields):
    return MembershipFactory(group=group, user=user, **fields)
