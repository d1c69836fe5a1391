"""Front pages of the community sections."""

from home.models import IndexPage


class StartupIndexPage(IndexPage):
    """The startup directory: every startup d'État of the network, filterable."""

    subpage_types = []

    class Meta:
        verbose_name = "annuaire des startups"


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
