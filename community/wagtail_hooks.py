"""Admin wiring of the community app. Each feature keeps its registrations in its own function."""

from django.urls import path, reverse

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from community import views_feedback_admin
from community.models import Audience, Organisation, Team
from community.views_onboarding import STATISTICS_PERMISSION, OnboardingStatisticsView

# --- Page feedback report (issue 8: "Cette page vous a-t-elle été utile ?") ----------------------


class FeedbackMenuItem(MenuItem):
    def is_shown(self, request):
        return views_feedback_admin.can_view_feedback(request.user)


@hooks.register("register_admin_urls")
def register_feedback_urls():
    return [
        path("avis/", views_feedback_admin.feedback_report, name="community_feedback_report"),
        path("avis/<int:page_id>/", views_feedback_admin.feedback_page, name="community_feedback_page"),
    ]


@hooks.register("register_reports_menu_item")
def register_feedback_menu_item():
    return FeedbackMenuItem(
        "Avis des lecteurs", reverse("community_feedback_report"), icon_name="help", order=700
    )


# --- Onboarding paths: the editors' follow-up report (issue 7) -------------------------------------


class OnboardingStatisticsMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(STATISTICS_PERMISSION)


@hooks.register("register_admin_urls")
def register_onboarding_statistics_url():
    return [
        path(
            "parcours-suivi/",
            OnboardingStatisticsView.as_view(),
            name="community_onboarding_statistics",
        )
    ]


@hooks.register("register_reports_menu_item")
def register_onboarding_statistics_menu_item():
    return OnboardingStatisticsMenuItem(
        "Parcours d'arrivée",
        reverse("community_onboarding_statistics"),
        name="onboarding-statistics",
        icon_name="list-ol",
        order=950,
    )


# --- Startups, incubators and sponsors (issue 5) ----------------------------------------------


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


# --- Contributions: members' improvement proposals on guides (issue 8) ----------------------------


class CorrectionProposalsMenuItem(MenuItem):
    def is_shown(self, request):
        from community.views_contributions import can_review_proposals

        return can_review_proposals(request.user)


@hooks.register("register_admin_urls")
def register_correction_proposal_urls():
    from community.views_contributions import proposals_admin

    return [path("propositions/", proposals_admin, name="correction_proposals_admin")]


@hooks.register("register_reports_menu_item")
def register_correction_proposals_menu_item():
    return CorrectionProposalsMenuItem(
        "Propositions d'amélioration", reverse("correction_proposals_admin"), icon_name="edit", order=710
    )
