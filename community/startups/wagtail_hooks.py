"""Admin wiring of the startups app: the startups listing, and one "Réseau des startups" menu for
sponsors, audiences and teams."""

from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import Audience, Organisation, Team
from .viewsets import StartupListingViewSet


class OrganisationViewSet(SnippetViewSet):
    model = Organisation
    icon = "group"
    menu_label = "Organisations"
    list_display = ["name", "acronym", "slug", "type", "domaine_ministeriel"]
    list_filter = ["type", "domaine_ministeriel"]
    search_fields = ["name", "acronym", "slug"]


class AudienceViewSet(SnippetViewSet):
    model = Audience
    icon = "user"
    menu_label = "Publics cibles"
    list_display = ["name", "slug", "is_standard"]
    list_filter = ["is_standard"]
    search_fields = ["name", "slug"]


class TeamViewSet(SnippetViewSet):
    model = Team
    icon = "group"
    menu_label = "Équipes d'incubateur"
    list_display = ["name", "slug", "incubator"]


class StartupNetworkGroup(SnippetViewSetGroup):
    items = (OrganisationViewSet, AudienceViewSet, TeamViewSet)
    menu_icon = "site"
    menu_label = "Réseau des startups"
    menu_name = "reseau-startups"


register_snippet(StartupNetworkGroup)


@hooks.register("register_admin_viewset")
def register_startups_listing():
    return StartupListingViewSet()
