"""Factories for accounts and members, and `make_user`: an account able to log in on the site."""

import factory
from allauth.account.models import EmailAddress

from community.members.membership import activate_member
from community.members.models import Member, Mission, User

PASSWORD = "mot-de-passe-de-test"


class UserFactory(factory.django.DjangoModelFactory):
    username = factory.Sequence(lambda n: f"membre{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@beta.gouv.fr")
    password = factory.django.Password(PASSWORD)

    class Meta:
        model = User
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    @factory.post_generation
    def groups(self, create, extracted, **kwargs):
        if create and extracted:
            from django.contrib.auth.models import Group

            self.groups.add(*[Group.objects.get(name=name) for name in extracted])


class MemberFactory(factory.django.DjangoModelFactory):
    full_name = factory.Sequence(lambda n: f"Camille Martin {n}")
    slug = factory.Sequence(lambda n: f"camille.martin{n}")

    class Meta:
        model = Member


def make_user(username, groups=(), *, verified=True, member=True, **fields):
    """An account able to log in on the public site (verified address) and, by default, a member."""
    user = UserFactory(username=username, groups=list(groups), **fields)
    EmailAddress.objects.get_or_create(
        user=user, email=user.email, defaults={"verified": verified, "primary": True}
    )
    if member:
        activate_member(user)
    return user


def make_fiche(slug, full_name, *, missions=(), **fields):
    """An imported beta.gouv.fr fiche without an account; `missions`: (startup, start, end) triples."""
    member = Member.objects.create(
        slug=slug, full_name=full_name, source=f"authors/{slug}.md", bio="Présentation de la fiche.", **fields
    )
    for position, (startup, start, end) in enumerate(missions):
        Mission.objects.create(
            member=member, startup=startup, start=start, end=end, sort_order=position, imported=True
        )
    return member


def make_coach(username, incubators=()):
    """A coach (group Coachs) answering for `incubators`."""
    user = make_user(username, ["Coachs"])
    member = user.member
    member.coached_incubators.add(*incubators)
    member.save()
    return user
