"""The four groups of the site, named once: data migrations copy these names, code imports them."""

ADMINISTRATEURS = "Administrateurs"
COACHS = "Coachs"
MODERATEURS = "Modérateurs"
MEMBRES = "Membres"

# Joining one of these makes an account staff, so it may open /admin/ (community/members/staff.py).
EDITOR_GROUPS = (ADMINISTRATEURS, COACHS, MODERATEURS)
ALL_GROUPS = (*EDITOR_GROUPS, MEMBRES)
