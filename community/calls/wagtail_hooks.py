"""Admin wiring of the calls app: the « Candidatures » menu of the incubators' teams."""

from wagtail import hooks

from .viewsets import ApplicationViewSet


@hooks.register("register_admin_viewset")
def register_applications_admin():
    return ApplicationViewSet()
