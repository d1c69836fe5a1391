"""Admin wiring of working groups: a « Groupes de travail » menu for site moderators."""

from wagtail import hooks

from .viewsets import GroupViewSet


@hooks.register("register_admin_viewset")
def register_groups_admin():
    return GroupViewSet()
