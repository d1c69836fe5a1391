"""Front pages of the community sections."""

from wagtail.contrib.routable_page.models import RoutablePageMixin, path

from home.models import IndexPage


class StartupIndexPage(IndexPage):
    """The startup directory: every startup d'État of the network, filterable."""

    subpage_types = ["community.StartupPage"]

    class Meta:
        verbose_name = "annuaire des startups"

    def get_context(self, request, *args, **kwargs):
        # Not IndexPage's child listing: the faceted directory replaces it.
        from community.directory import startup_directory

        context = super(IndexPage, self).get_context(request, *args, **kwargs)
        context.update(startup_directory(request, self).context())
        return context


class RoleIndexPage(IndexPage):
    """The "Rôles" section: one page per actor of a startup d'État."""

    subpage_types = ["community.RolePage"]

    def get_children_for_listing(self):
        # Roles read in the taxonomy's order (intrapreneur first), not in creation order.
        from .roles import RolePage

        return RolePage.objects.child_of(self).live().public().select_related("role").order_by("role__order")

    class Meta:
        verbose_name = "accueil des rôles"


class OnboardingIndexPage(RoutablePageMixin, IndexPage):
    """ "Parcours d'arrivée" and the "J'arrive" landing: asks the newcomer's role, leads to the path."""

    subpage_types = ["community.OnboardingPathPage"]

    @path("")
    def arrival_view(self, request):
        from community.views_onboarding import arrival

        return arrival(request, self)

    @path("mes-parcours/", name="my_paths")
    def my_paths_view(self, request):
        from community.views_onboarding import my_paths

        return my_paths(request, self)

    class Meta:
        verbose_name = "accueil des parcours d'arrivée"


class ContributionPage(RoutablePageMixin, IndexPage):
    """ "Contribuer": how members propose resources and corrections, and where they do it."""

    subpage_types = []

    @path("")
    def propose_view(self, request):
        from community.views_contributions import propose

        return propose(request, self)

    class Meta:
        verbose_name = "page contribuer"
