"""Redirects to the login page that bring the visitor back, whatever the length of the URL they sent.

Django refuses to redirect to a URL longer than 16,384 characters (a 500): a forged or truncated
query string must not turn "please log in" into a server error, so an oversized one is dropped.
"""

from functools import wraps

from django.contrib.auth.views import redirect_to_login

MAX_NEXT_LENGTH = 2000  # what every browser and proxy keeps in a URL


def login_redirect(request, next_url: str | None = None):
    next_url = next_url or request.get_full_path()
    if len(next_url) > MAX_NEXT_LENGTH:
        next_url = request.path if len(request.path) <= MAX_NEXT_LENGTH else "/"
    return redirect_to_login(next_url)


def login_url_for(request, page) -> str:
    """The login link that brings the visitor back to this page (follows settings.LOGIN_URL)."""
    return login_redirect(request, page.get_url(request=request)).url


def login_required(view):
    """Like Django's decorator, with the length guard above."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return login_redirect(request)
        return view(request, *args, **kwargs)

    return wrapper
