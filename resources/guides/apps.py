from django.apps import AppConfig


class GuidesConfig(AppConfig):
    """The method, written by coaches as guides: pages, reviews, improvements, the GitBook import."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "resources.guides"
    label = "guides"
    verbose_name = "Guides de la méthode"

    def ready(self):
        # Variants enter the review queue when their shared page changes.
        from resources.guides import drift

        drift.connect_signals()
