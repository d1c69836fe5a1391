from django.apps import AppConfig


class GroupsConfig(AppConfig):
    """Working groups: communities of practice where members meet, share resources and discuss."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "community.groups"
    label = "groups"
    verbose_name = "Groupes de travail"

    def ready(self):
        # Events of code we do not own: allauth confirms an invited address, Wagtail publishes a
        # contribution proposed from a group.
        from community.groups import invitations, shared_resources

        invitations.connect_signals()
        shared_resources.connect_signals()
