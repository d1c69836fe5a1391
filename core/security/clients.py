"""The client's address, as our rate limiter, allauth's and django-axes all count it.

Behind `FABRIQUE_TRUSTED_PROXY_COUNT` proxies of ours, each proxy appends the address it received
the request from to `X-Forwarded-For`. Entries are read from the right: the one our farthest proxy
wrote is the client as that proxy saw it; everything on its left was written by the client itself
and is ignored, so a forged header buys nothing. With no trusted proxy (the default) the header is
ignored and the address is the TCP peer (`REMOTE_ADDR`).

A header shorter than the proxy count (a request that did not cross every proxy) falls back to the
TCP peer instead of raising: a limiter must never turn a request into an error page.
"""

import ipaddress

from django.conf import settings

UNKNOWN = "inconnue"


def _valid(address: str) -> str:
    """The address in its canonical form, or '' when it is not an IP address."""
    try:
        return str(ipaddress.ip_address(address.strip()))
    except ValueError:
        return ""


def client_ip(request) -> str:
    """The client's address for counting; 'inconnue' when nothing usable was received."""
    peer = _valid(request.META.get("REMOTE_ADDR", "") or "")
    proxies = getattr(settings, "FABRIQUE_TRUSTED_PROXY_COUNT", 0)
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if proxies > 0 and forwarded:
        entries = forwarded.split(",")
        if len(entries) >= proxies:
            return _valid(entries[-proxies]) or peer or UNKNOWN
    return peer or UNKNOWN
