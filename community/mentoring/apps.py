from django.apps import AppConfig


class MentoringConfig(AppConfig):
    """« Grandir »: who can help on what, finding a mentor, and the startups' mission offers."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "community.mentoring"
    label = "mentoring"
    verbose_name = "Mentorat et mobilité"
