from django.apps import AppConfig


class StartupsConfig(AppConfig):
    """Startups d'État, incubators, sponsors and the beta.gouv.fr import that fills them."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "community.startups"
    label = "startups"
    verbose_name = "Startups et incubateurs"
