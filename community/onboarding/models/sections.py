"""Front pages of the roles and onboarding sections."""

from wagtail.contrib.routable_page.models import RoutablePageMixin, path

from core.pages import IndexPage

from .. import arrival
from .roles import RolePage


class RoleIndexPage(IndexPage):
    """The "Rôles" section: one page per actor of a startup d'État."""

    subpage_types = ["onboarding.RolePage"]

    class Meta:
        verbose_name = "accueil des rôles"

    def get_children_for_listing(self):
        # Roles read in the taxonomy's order (intrapreneur first), not in creation order.
        return RolePage.objects.child_of(self).live().public().select_related("role").order_by("role__order")


class OnboardingIndexPage(RoutablePageMixin, IndexPage):
    """ "Parcours d'arrivée" and the "J'arrive" landing: asks the newcomer's role, leads to the path."""

    subpage_types = ["onboarding.OnboardingPathPage"]

    class Meta:
        verbose_name = "accueil des parcours d'arrivée"

    @path("")
    def arrival_view(self, request):
        return arrival.arrival(request, self)

    @path("mes-parcours/", name="my_paths")
    def my_paths_view(self, request):
        return arrival.my_paths(request, self)
