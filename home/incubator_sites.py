"""Give an incubator its own hostname: a Wagtail site rooted at an incubator home page.

`manage.py create_incubator_site --incubator <slug> --hostname <host>` runs `create_incubator_site`.
The network's site must exist first (`setup_site`); the incubator's page comes from the import.
A second run changes nothing; a run with another hostname moves the incubator's site there.
The hostname must also be in `DJANGO_ALLOWED_HOSTS` (README, « Sites d'incubateurs »).
"""

from django.db import transaction

from wagtail.models import Page, Site

from community.startups.models import IncubatorPage

from .models import IncubatorHomePage
from .models.incubator_sites import network_home


class IncubatorSiteError(Exception):
    """A French message for the command: what is missing and what to do."""


@transaction.atomic
def create_incubator_site(
    incubator_slug: str, hostname: str, port: int = 80, log=lambda message: None
) -> Site:
    """The incubator's home page under the tree's root and its Site on that hostname; safe to re-run."""
    incubator = IncubatorPage.objects.filter(slug=incubator_slug).first()
    if incubator is None:
        raise IncubatorSiteError(
            f"Aucun incubateur « {incubator_slug} » : importez d'abord les incubateurs (import_betagouv)."
        )
    if network_home() is None:
        raise IncubatorSiteError(
            "Le site du réseau n'existe pas encore : lancez d'abord « manage.py setup_site »."
        )
    taken = Site.objects.filter(hostname=hostname, port=port).exclude(
        root_page__incubatorhomepage__incubator=incubator
    )
    if taken.exists():
        raise IncubatorSiteError(f"Le nom de domaine {hostname}:{port} sert déjà un autre site.")
    home = IncubatorHomePage.objects.filter(incubator=incubator).first()
    if home is None:
        home = IncubatorHomePage(
            title=incubator.title,
            slug=f"site-{incubator.slug}",
            incubator=incubator,
            service_title=incubator.title,
            intro=incubator.intro,
        )
        Page.get_first_root_node().add_child(instance=home)
        home.save_revision().publish()
        log(f"Page d'accueil créée : {home.title}")
    site = Site.objects.filter(root_page=home).first()
    if site is None:
        site = Site.objects.create(hostname=hostname, port=port, site_name=incubator.title, root_page=home)
        log(f"Site créé : {hostname}")
    elif (site.hostname, site.port) != (hostname, port):
        site.hostname, site.port = hostname, port
        site.save()
        log(f"Site déplacé vers : {hostname}")
    return site
