"""Personal data of accounts that has a retention limit: login attempts and never-used accounts.

The durations are settings (`FABRIQUE_RETENTION_DAYS`); `home.personal_data` applies them and states
them on the « Données personnelles » page, so what the page says is what the purge does.
"""

from django.contrib.auth import get_user_model

from axes.models import AccessAttempt, AccessFailureLog, AccessLog


def purge_login_attempts(before) -> int:
    """django-axes' records (IP address, browser, identifier typed) older than `before`."""
    deleted = 0
    for model in (AccessAttempt, AccessFailureLog, AccessLog):
        deleted += model.objects.filter(attempt_time__lt=before).delete()[0]
    return deleted


def unverified_accounts(before):
    """Accounts opened before `before` whose address was never verified and that never logged in.

    Staff and superusers are created by hand and kept; so is an account linked to a member's fiche.
    """
    User = get_user_model()
    return (
        User.objects.filter(
            date_joined__lt=before, last_login__isnull=True, is_staff=False, is_superuser=False
        )
        .exclude(emailaddress__verified=True)
        .filter(member__isnull=True)
    )


def delete_unverified_accounts(before) -> int:
    User = get_user_model()
    # Deleted by primary key: a queryset with joins cannot be deleted directly everywhere.
    ids = list(unverified_accounts(before).values_list("pk", flat=True))
    User.objects.filter(pk__in=ids).delete()
    return len(ids)
