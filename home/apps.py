from django.apps import AppConfig


class HomeConfig(AppConfig):
    """Site-wide pieces: home page, shared taxonomies, page chrome, demo content."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "home"
    verbose_name = "Accueil et taxonomies"

    def ready(self):
        from home import invalidation

        invalidation.connect()
