from django.apps import AppConfig


class HealthConfig(AppConfig):
    """« Santé de la communauté »: NPS, usefulness of pages, share of contributors, for the community lead."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "community.health"
    label = "health"
    verbose_name = "Santé de la communauté"
