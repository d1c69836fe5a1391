"""Admin wiring of the members app: one "Membres" menu (members, missions, claims, merges)."""

from wagtail import hooks

from .viewsets import MembersAdminGroup


@hooks.register("register_admin_viewset")
def register_members_admin():
    return MembersAdminGroup()
