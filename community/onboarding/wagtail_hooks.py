"""Admin wiring of onboarding paths: the editors' follow-up report in the Reports menu."""

from django.urls import path, reverse

from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .views import STATISTICS_PERMISSION, OnboardingStatisticsView


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
        ),
        path(
            "parcours-suivi/resultats/",
            OnboardingStatisticsView.as_view(results_only=True),
            name="community_onboarding_statistics_results",
        ),
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
