"""Library resources shared into groups: chosen by a member, or proposed through the library's
moderation and attached when a moderator publishes them; pinned and ordered by coordinators.

Groups never import the library: resources are reached through `SharedResource.page`'s model, and
a new contribution carries the group's slug (`ResourcePage.proposed_in_group`) until Wagtail's
`page_published` signal, where it is attached if its contributor still belongs to the group. What
a reader sees always goes through `core.visibility.readable`: a draft or restricted resource is
never shown in a group to someone who cannot read it.
"""

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import Max

from wagtail.models import Page
from wagtail.signals import page_published

from core.visibility import readable

from .memberships import MembershipRefused
from .models import Group, SharedResource

SEARCH_RESULTS = 20


def resource_model():
    return SharedResource._meta.get_field("page").related_model


def readable_resources(user):
    return readable(resource_model().objects.all(), user)


def shares_readable_by(group: Group, user):
    """The group's shares whose resource `user` may read: pinned first, in the coordinators' order."""
    pages = readable_resources(user).values("pk")
    return group.shared_resources.filter(page__in=pages).select_related("page", "page__kind", "shared_by")


def search_resources(user, query: str):
    """Live resources the member may read whose title matches, for the sharing chooser."""
    if not query:
        return resource_model().objects.none()
    return readable_resources(user).filter(title__icontains=query).order_by("title")[:SEARCH_RESULTS]


def share(group: Group, page_id, user) -> SharedResource:
    if not group.can_post(user):
        raise MembershipRefused("Seuls les membres du groupe peuvent y partager une ressource.")
    page = readable_resources(user).filter(pk=page_id).first()
    if page is None:
        raise MembershipRefused("Cette ressource n'existe pas ou n'est pas publiée.")
    shared, _ = SharedResource.objects.get_or_create(group=group, page=page, defaults={"shared_by": user})
    return shared


@transaction.atomic
def set_pinned(shared: SharedResource, pinned: bool) -> None:
    shared.pinned = pinned
    shared.position = 0
    if pinned:
        last = shared.group.shared_resources.filter(pinned=True).aggregate(last=Max("position"))["last"]
        shared.position = (last or 0) + 1
    shared.save(update_fields=["pinned", "position"])


@transaction.atomic
def move(shared: SharedResource, offset: int) -> None:
    """Swap a pinned resource with its neighbour above (-1) or below (+1)."""
    pinned = list(shared.group.shared_resources.select_for_update().filter(pinned=True))
    index = next((i for i, item in enumerate(pinned) if item.pk == shared.pk), None)
    if index is None or not 0 <= index + offset < len(pinned):
        return
    pinned[index], pinned[index + offset] = pinned[index + offset], pinned[index]
    for position, item in enumerate(pinned, start=1):
        if item.position != position:
            item.position = position
            item.save(update_fields=["position"])


def contribution_url(group: Group) -> str:
    """The library's « Contribuer » page, told which group the contribution is for."""
    page_type = ContentType.objects.filter(app_label="library", model="contributionpage").first()
    page = Page.objects.live().filter(content_type=page_type).first() if page_type else None
    return f"{page.url}?groupe={group.slug}" if page and page.url else ""


def attach_published_contribution(sender, instance, **kwargs):
    """A published contribution proposed from a group joins it, if its author is still a member."""
    slug = getattr(instance, "proposed_in_group", "")
    if not slug or instance.owner_id is None:
        return
    group = Group.objects.filter(slug=slug).first()
    if group is None or not group.can_post(instance.owner):
        return
    SharedResource.objects.get_or_create(
        group=group, page_id=instance.pk, defaults={"shared_by": instance.owner}
    )


def connect_signals():
    page_published.connect(attach_published_contribution, dispatch_uid="groups_attach_contribution")
