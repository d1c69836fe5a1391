from django.apps import AppConfig


class LibraryConfig(AppConfig):
    """The shared resource library and members' contributions to it, moderated before publication."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "resources.library"
    label = "library"
    verbose_name = "Bibliothèque de ressources"

    def ready(self):
        # Contributors get the moderators' decision in the public site's words; connected before
        # wagtail.admin registers its own receivers (this app is listed first in INSTALLED_APPS).
        from resources.library import notifications

        notifications.connect_signals()
