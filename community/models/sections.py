"""Front pages of the community sections."""

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

    subpage_types = []

    class Meta:
        verbose_name = "accueil des rôles"


class OnboardingIndexPage(IndexPage):
    """ "Parcours d'arrivée": the day-one paths, one per role, for newcomers."""

    subpage_types = []

    class Meta:
        verbose_name = "accueil des parcours d'arrivée"


class ContributionPage(IndexPage):
    """ "Contribuer": how members propose resources and corrections, and where they do it."""

    subpage_types = []

    class Meta:
        verbose_name = "page contribuer"
