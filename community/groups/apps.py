from django.apps import AppConfig


class GroupsConfig(AppConfig):
    """Working groups: communities of practice where members meet, share resources and discuss."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "community.groups"
    label = "groups"
    verbose_name = "Groupes de travail"
