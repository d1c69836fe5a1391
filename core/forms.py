"""What every public form shares: a honeypot field and a rate limit, defined once.

The public forms (login, sign-up, contributions, improvement proposals, readers' feedback) mix in
`PublicFormMixin`: a field people never see marks a bot, and each submission is counted against the
visitor's address, account and typed identifier (core/security/ratelimit.py). The login form leaves
the counting to allauth's limits (settings `ACCOUNT_RATE_LIMITS`).
"""

from django import forms
from django.conf import settings

from allauth.core import context

from core.security import ratelimit

# allauth's sign-up form reads the same setting: one honeypot name for every public form.
HONEYPOT_FIELD = settings.ACCOUNT_SIGNUP_FORM_HONEYPOT_FIELD
HONEYPOT_LABEL = "Ne pas remplir ce champ"


class PublicFormMixin:
    """A honeypot field and a rate limit on a form anyone may submit.

    `rate_limit_scope` names the counter; `rate_limit_identifier()` adds the identifier typed in the
    form (an email address) to the keys the submission is counted against.
    """

    rate_limit_scope = ""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields.setdefault(HONEYPOT_FIELD, forms.CharField(required=False))
        self.fields[HONEYPOT_FIELD].label = HONEYPOT_LABEL

    def is_bot(self) -> bool:
        """A filled honeypot: the view answers as for a person and stores nothing."""
        return bool(self.data.get(HONEYPOT_FIELD))

    def rate_limit_identifier(self) -> str:
        return ""

    def within_rate_limit(self, request=None) -> bool:
        """Count this submission; past the limit, say so on the form and return False.

        allauth's forms carry their request; our views pass theirs.
        """
        request = request or getattr(self, "request", None) or context.request
        if request is None or ratelimit.allow(request, self.rate_limit_scope, self.rate_limit_identifier()):
            return True
        self.add_error(None, ratelimit.RATE_LIMIT_MESSAGE)
        return False
