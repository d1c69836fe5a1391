from django.apps import AppConfig


class HelpConfig(AppConfig):
    """The help router « Vers qui me tourner ? »: situations, contacts, people who lived them."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "community.help"
    label = "help"
    verbose_name = "Vers qui me tourner ?"
