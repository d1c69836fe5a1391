from django.apps import AppConfig


class BlockersConfig(AppConfig):
    """Blockers a startup's team declares, and the recommendations editors attach to each by rule."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "community.blockers"
    label = "blockers"
    verbose_name = "Blocages et recommandations"
