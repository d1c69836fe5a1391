"""The French public-site obligations: who publishes and hosts the site, whom to contact, how long
personal data is kept, and the cookie-free audience measurement. Imported by base.py; every value
comes from the environment (README « Configuration » and « Obligations d'un site public »)."""

from .env import env_int, env_str

# Mentions légales (loi n° 2004-575 du 21 juin 2004, article 6): the publisher and the host.
FABRIQUE_PUBLISHER_NAME = env_str("FABRIQUE_PUBLISHER_NAME")
FABRIQUE_PUBLISHER_ADDRESS = env_str("FABRIQUE_PUBLISHER_ADDRESS")
FABRIQUE_PUBLICATION_DIRECTOR = env_str("FABRIQUE_PUBLICATION_DIRECTOR")
FABRIQUE_HOST_NAME = env_str("FABRIQUE_HOST_NAME")
FABRIQUE_HOST_ADDRESS = env_str("FABRIQUE_HOST_ADDRESS")
# Where visitors write about accessibility, personal data and the site in general.
FABRIQUE_CONTACT_EMAIL = env_str("FABRIQUE_CONTACT_EMAIL")
# Exercising one's rights over personal data (RGPD): the data protection officer, else the contact.
FABRIQUE_PRIVACY_EMAIL = env_str("FABRIQUE_PRIVACY_EMAIL") or FABRIQUE_CONTACT_EMAIL

# Retention of personal data, in days: `manage.py purge_personal_data` applies them and the
# « Données personnelles » page states them (home/personal_data.py reads this one dictionary).
FABRIQUE_RETENTION_DAYS = {
    # django-axes: login attempts with their IP address and browser (security logs: 6 months).
    "login_attempts": env_int("FABRIQUE_RETENTION_LOGIN_ATTEMPTS_DAYS", 180),
    # Readers' feedback: the comment and the link to the account go, the anonymous yes/no stays.
    "feedback_comments": env_int("FABRIQUE_RETENTION_FEEDBACK_DAYS", 365),
    # Accounts whose address was never verified and that never logged in.
    "unverified_accounts": env_int("FABRIQUE_RETENTION_UNVERIFIED_ACCOUNTS_DAYS", 30),
    # Finished background tasks, which hold the emails sent (addresses and text).
    "finished_tasks": env_int("FABRIQUE_RETENTION_FINISHED_TASKS_DAYS", 30),
    # Group invitations (an invited address), counted from acceptance or from the link's expiry.
    "group_invitations": env_int("FABRIQUE_RETENTION_GROUP_INVITATIONS_DAYS", 90),
    # Mentoring requests (message, requester, mentor), counted from the answer (or sending).
    "mentoring_requests": env_int("FABRIQUE_RETENTION_MENTORING_REQUESTS_DAYS", 365),
    # NPS answers: longer than the dashboard's two-year trend (community/health/retention.py).
    "nps_answers": env_int("FABRIQUE_RETENTION_NPS_ANSWERS_DAYS", 1095),
}

# Audience measurement by Matomo, without cookies (no consent banner needed): on only when both
# the Matomo address and the site's identifier are given; the CSP then allows that origin, no other.
FABRIQUE_MATOMO_URL = env_str("FABRIQUE_MATOMO_URL").rstrip("/")
FABRIQUE_MATOMO_SITE_ID = env_str("FABRIQUE_MATOMO_SITE_ID")
FABRIQUE_MATOMO_ENABLED = bool(FABRIQUE_MATOMO_URL and FABRIQUE_MATOMO_SITE_ID)
