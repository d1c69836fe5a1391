"""How django-axes sees a login attempt on our two login forms, and the French lockout page.

Editors may log in at /admin/login/ with their username and on the site with their email: both
are counted against the same account, so switching form does not buy an attacker more attempts.
Settings (`AXES_*` in config/settings/base.py) lock an account from one address only.
"""

import ipaddress

from django.conf import settings
from django.contrib.auth import get_user_model
from django.shortcuts import render

from core.security.clients import client_ip as proxy_aware_client_ip

LOCKOUT_TEMPLATE = "axes/lockout.html"


def attempted_account(request, credentials) -> str:
    """The account an attempt targets: its username, whichever identifier was typed."""
    credentials = credentials or {}
    typed = credentials.get("username") or credentials.get("email")
    if typed is None and request is not None:
        typed = request.POST.get("username") or request.POST.get("login")
    typed = (typed or "").strip()
    if not typed:
        return ""
    User = get_user_model()
    lookup = {"email__iexact": typed} if "@" in typed else {"username__iexact": typed}
    username = User.objects.filter(**lookup).values_list("username", flat=True).first()
    # An unknown identifier is still counted, lower-cased, so guessing accounts is limited too.
    return (username or typed).lower()[:255]


def client_ip(request) -> str | None:
    """The address axes records: the rate limiters' (core/security/clients.py), None when unknown."""
    address = proxy_aware_client_ip(request)
    try:
        return str(ipaddress.ip_address(address))
    except ValueError:
        return None


def lockout_response(request, original_response=None, credentials=None):
    """The lockout page: 429, in French, with the waiting time and who can help."""
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    context = {"minutes": minutes, "failure_limit": settings.AXES_FAILURE_LIMIT}
    return render(request, LOCKOUT_TEMPLATE, context, status=429)
