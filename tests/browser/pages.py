"""The key pages checked for accessibility and layout (paths in the demo content)."""

KEY_PAGES = {
    "accueil": "/",
    "guide": "/guides/methode/",
    "annuaire des startups": "/startups/",
    "startup": "/startups/cantine-locale/",
    "ressources": "/ressources/",
    "ressource": "/ressources/fiche-de-poste-developpeur/",
    "résultats de recherche": "/recherche/?q=recrutement",
    "contribution": "/contribuer/",
    "connexion": "/compte/connexion/",
    "inscription": "/compte/inscription/",
}
