"""Factories and helpers for accounts, sections and editorial roles (issue 8)."""

import wagtail_factories
from allauth.account.models import EmailAddress

from community.members.membership import activate_member
from resources.guides.models import GuideIndexPage
from resources.library.models import ResourceIndexPage
from tests.factories import ContentPageFactory, UserFactory

PASSWORD = "mot-de-passe-de-test"


class GuideIndexPageFactory(wagtail_factories.PageFactory):
    title = "Guides"
    slug = "guides"

    class Meta:
        model = GuideIndexPage


class ResourceIndexPageFactory(wagtail_factories.PageFactory):
    title = "Ressources"
    slug = "ressources"

    class Meta:
        model = ResourceIndexPage


def make_user(username, groups=(), *, verified=True, member=True, **fields):
    """An account able to log in on the public site (verified address) and, by default, a member."""
    user = UserFactory(username=username, groups=list(groups), **fields)
    EmailAddress.objects.get_or_create(
        user=user, email=user.email, defaults={"verified": verified, "primary": True}
    )
    if member:
        activate_member(user)
    return user


def with_revision(page):
    """Pages made by factories have no revision; the admin (compare, lock…) expects one."""
    revision = page.save_revision()
    if page.live:
        revision.publish()
    return page


def make_guide(sections, title="Un guide de la méthode", **kwargs):
    return with_revision(ContentPageFactory(parent=sections["guides"], title=title, **kwargs))


def make_resource(sections, title="Une ressource partagée", **kwargs):
    return with_revision(ContentPageFactory(parent=sections["ressources"], title=title, **kwargs))
