"""Admin wiring of the community app. Each feature keeps its registrations in its own function."""

from django.urls import path, reverse

from wagtail import hooks
from wagtail.admin.menu import MenuItem

from community import views_feedback_admin

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
