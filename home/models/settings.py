"""Editable site identity, so editors change the header and footer without a deployment."""

from django.db import models

from wagtail.contrib.settings.models import BaseGenericSetting, register_setting


@register_setting(icon="site")
class SiteIdentity(BaseGenericSetting):
    """Service name, tagline and footer text shown on every page (DSFR header and footer)."""

    service_title = models.CharField("nom du service", max_length=80, default="Fabrique")
    tagline = models.CharField(
        "devise",
        max_length=200,
        default="La communauté des startups d'État et de leurs incubateurs",
    )
    footer_text = models.TextField(
        "texte du pied de page",
        blank=True,
        default=(
            "Fabrique rassemble la méthode, les ressources et les personnes des incubateurs "
            "qui travaillent en mode startup d'État."
        ),
    )

    class Meta:
        verbose_name = "identité du site"
