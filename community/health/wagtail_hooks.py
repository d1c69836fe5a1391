"""Admin wiring: the « Santé de la communauté » dashboard in the Reports menu, for coaches and admins."""

from django.urls import reverse

from wagtail import hooks

from core.exports import ReportMenuItem, report_urls

from .views import HealthDashboardView


@hooks.register("register_admin_urls")
def register_health_urls():
    return report_urls(HealthDashboardView, "sante-communaute/", "health_dashboard")


@hooks.register("register_reports_menu_item")
def register_health_menu_item():
    return ReportMenuItem(
        HealthDashboardView,
        "Santé de la communauté",
        reverse("health_dashboard"),
        icon_name="pick",
        order=970,
    )
