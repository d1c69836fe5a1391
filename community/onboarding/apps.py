from django.apps import AppConfig


class OnboardingConfig(AppConfig):
    """A member's way in: role pages, arrival paths with progress, and whom to contact."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "community.onboarding"
    label = "onboarding"
    verbose_name = "Rôles et parcours"
