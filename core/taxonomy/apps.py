from django.apps import AppConfig


class TaxonomyConfig(AppConfig):
    """The words every filter speaks: phases, roles and thématiques, edited by coaches."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "core.taxonomy"
    label = "taxonomy"
    verbose_name = "Taxonomies"
