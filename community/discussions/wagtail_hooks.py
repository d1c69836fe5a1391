"""Admin wiring of the discussions: the moderators' « Discussions » menu (viewsets.py)."""

from wagtail import hooks

from .viewsets import DiscussionsViewSetGroup


@hooks.register("register_admin_viewset")
def register_discussions_viewsets():
    return DiscussionsViewSetGroup()
