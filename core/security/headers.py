"""Security headers that Django's SecurityMiddleware does not send: CSP by path, Permissions-Policy.

The public site gets the strict policy of `CONTENT_SECURITY_POLICY` (no inline script or style).
The Wagtail admin and Django's admin run inline scripts and styles that we do not control, so
their paths get `FABRIQUE_CSP_ADMIN` instead: looser, but still limited to our own origin. A view
decorated with django-csp's decorators keeps its own policy. Report-only mode (settings) applies to
both policies alike. Previews of pages keep the public policy but may be framed by the admin.
"""

from django.conf import settings

from csp.constants import SELF
from csp.middleware import CSPMiddleware, PolicyParts
from csp.utils import default_config


def is_admin_path(path: str) -> bool:
    """True for the admin interfaces, which get the looser policy."""
    return path.startswith(tuple(settings.FABRIQUE_CSP_ADMIN_PREFIXES))


class SecurityHeadersMiddleware(CSPMiddleware):
    """django-csp's middleware, with the admin policy on admin paths and a Permissions-Policy."""

    def get_policy_parts(self, request, response, report_only: bool = False) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only=report_only)
        setting = "CONTENT_SECURITY_POLICY_REPORT_ONLY" if report_only else "CONTENT_SECURITY_POLICY"
        # Only where that mode is on, and never over a policy a view chose with a decorator.
        if parts.config is None and getattr(settings, setting, None):
            if is_admin_path(request.path_info):
                parts.config = default_config(settings.FABRIQUE_CSP_ADMIN)
            elif getattr(request, "is_dummy", False):
                # Wagtail renders a preview through the middleware with a dummy request at the
                # page's own URL: the public policy, so editors see what visitors will get, except
                # that the editor's preview panel may frame it.
                parts.replace = {**(parts.replace or {}), "frame-ancestors": [SELF]}
        return parts

    def process_response(self, request, response):
        response = super().process_response(request, response)
        if settings.FABRIQUE_PERMISSIONS_POLICY:
            response.headers.setdefault("Permissions-Policy", settings.FABRIQUE_PERMISSIONS_POLICY)
        return response
