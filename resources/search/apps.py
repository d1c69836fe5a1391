from django.apps import AppConfig


class SearchConfig(AppConfig):
    """Site search (/recherche/): every visible page type, facets, extracts and suggestions."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "resources.search"
    label = "search"
    verbose_name = "Recherche"
