"""Admin wiring: the « Santé de la communauté » dashboard in the Reports menu, for coaches and admins."""

from django.urls import reverse

from wagtail import hooks
from wagtail.admin.menu import MenuItem

from community.members.coaching import is_community_lead
from core.exports import report_urls

from .views import HealthDashboardView


class HealthMenuItem(MenuItem):
    def is_shown(self, request):
        return is_community_lead(request.user)


@hooks.register("register_admin_urls")
def register_health_urls():
    return report_urls(HealthDashboardView, "sante-communaute/", "health_dashboard")


@hooks.register("register_reports_menu_item")
def register_health_menu_item():
    return HealthMenuItem("Santé de la communauté", reverse("health_dashboard"), icon_name="pick", order=970)
