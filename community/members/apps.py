from django.apps import AppConfig


class MembersConfig(AppConfig):
    """People of the network: accounts, member profiles, missions, login and who is staff."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "community.members"
    label = "members"
    verbose_name = "Membres"

    def ready(self):
        # Editors are staff, and /admin/ needs staff (community/members/staff.py).
        from community.members import claims, staff

        staff.connect_signals()
        claims.connect_signals()
