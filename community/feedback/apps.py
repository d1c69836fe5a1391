from django.apps import AppConfig


class FeedbackConfig(AppConfig):
    """Readers' "Cette page vous a-t-elle été utile ?": answers, rates per page, the admin report."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "community.feedback"
    label = "feedback"
    verbose_name = "Avis des lecteurs"
