from pathlib import Path

from django.apps import AppConfig, apps
from django.conf import settings


def project_app_configs():
    """The installed apps whose code lives in this repository (not in site-packages)."""
    base = Path(settings.BASE_DIR)
    return [
        config
        for config in apps.get_app_configs()
        if Path(config.path) == base.joinpath(*config.name.split("."))
    ]


class CoreConfig(AppConfig):
    """Site-wide machinery with no models: cache invalidation, image renditions, deployment checks."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "core"
    verbose_name = "Socle"

    def ready(self):
        from django.core import checks
        from django.db.models.signals import post_save

        from wagtail.images import get_image_model

        from allauth.core.internal import ratelimit as allauth_ratelimit

        from core import deployment, renditions
        from core.caching import invalidation
        from core.security import ratelimit, secret_key

        invalidation.connect()
        post_save.connect(
            renditions.on_image_saved, sender=get_image_model(), dispatch_uid="fabrique-renditions"
        )
        # allauth's login and sign-up limits (ACCOUNT_RATE_LIMITS) count in our counters' cache, which
        # lets actions through when Redis is down; with the default cache allauth would refuse every
        # login then (allauth has no setting for it; tests/core/test_ratelimit.py's "redis down" tests
        # fail if an upgrade moves this module-level cache).
        allauth_ratelimit.cache = ratelimit.counters()
        checks.register(secret_key.check_declared_production, checks.Tags.security)
        checks.register(secret_key.check_deployment, checks.Tags.security, deploy=True)
        checks.register(deployment.check_declared_production, checks.Tags.security)
        checks.register(deployment.check_deployment, checks.Tags.security, deploy=True)
        checks.register(deployment.check_worker_caches, checks.Tags.caches)
