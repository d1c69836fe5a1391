from django.apps import AppConfig


class ResourcesConfig(AppConfig):
    """Methodology guides, the shared resource library and site search."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "resources"
    verbose_name = "Guides et ressources"
