from django.apps import AppConfig


class CommunityConfig(AppConfig):
    """Startups, incubators, roles, members, onboarding and contributions."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "community"
    verbose_name = "Communauté"
