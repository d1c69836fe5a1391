from django.apps import AppConfig


class CommunityConfig(AppConfig):
    """Startups, incubators, roles, members, onboarding and contributions."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "community"
    verbose_name = "Communauté"

    def ready(self):
        # Workflows and section permissions follow the section pages as soon as they are created.
        from community.editorial import connect_signals

        connect_signals()

        # Contributors get the moderators' decision in the public site's words (before wagtail.admin).
        from community import contributions_notifications

        contributions_notifications.connect_signals()

        # Editors are staff, and /admin/ needs staff (community/staff.py).
        from community import staff

        staff.connect_signals()
