from django.apps import AppConfig


class DiscussionsConfig(AppConfig):
    """Threads and replies in working groups, with their notifications and moderation."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "community.discussions"
    label = "discussions"
    verbose_name = "Discussions des groupes"
