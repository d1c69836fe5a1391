from django.apps import AppConfig


class HomeConfig(AppConfig):
    """The site itself: home page, page chrome, site settings, site setup and demo content."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "home"
    verbose_name = "Accueil et site"

    def ready(self):
        # Workflows and section permissions follow the section pages as soon as they are created,
        # in the admin as by a loader (Wagtail saves the page: a signal from code we do not own).
        from home import editorial

        editorial.connect_signals()
