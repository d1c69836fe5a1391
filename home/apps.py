from django.apps import AppConfig


class HomeConfig(AppConfig):
    """Site-wide pieces: home page, shared taxonomies, page chrome, demo content."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "home"
    verbose_name = "Accueil et taxonomies"

    def ready(self):
        from django.db.models.signals import post_save

        from wagtail.images import get_image_model

        from home import invalidation, renditions

        invalidation.connect()
        post_save.connect(
            renditions.on_image_saved, sender=get_image_model(), dispatch_uid="fabrique-renditions"
        )
