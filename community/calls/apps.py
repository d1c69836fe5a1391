from django.apps import AppConfig


class CallsConfig(AppConfig):
    """Calls for applications: an incubator invites agents to bring a problem, and picks laureates."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "community.calls"
    label = "calls"
    verbose_name = "Appels à candidatures"
