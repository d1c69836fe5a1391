from django.apps import AppConfig
from django.db.models.signals import m2m_changed, post_migrate


class SearchConfig(AppConfig):
    """Site search (/recherche/): every visible page type, facets, extracts and suggestions."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "resources.search"
    label = "search"
    verbose_name = "Recherche"

    def ready(self):
        # The PostgreSQL backend's facet rows follow the pages' links (facet_index.py).
        from . import facet_index

        for through in facet_index.facet_link_tables():
            m2m_changed.connect(facet_index.links_changed, sender=through, dispatch_uid=f"facets-{through}")
        post_migrate.connect(facet_index.fill_missing, sender=self)
