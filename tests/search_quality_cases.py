"""The search quality set: French queries and the page each must bring in the first three results.

One row per query: (query, expected page URL path, what the case exercises). Guides, startups and
roles append their rows here once their demo content exists; the test reads the whole table.
"""

QUALITY_SET = [
    (
        "recrutement développeur",
        "/ressources/fiche-de-poste-developpeur/",
        "verbe du titre, nom dans la requête",
    ),
    ("recruter un developpeur", "/ressources/fiche-de-poste-developpeur/", "sans accent, mot vide"),
    ("fiches de poste", "/ressources/fiche-de-poste-developpeur/", "pluriel"),
    ("accessibilite", "/ressources/checklist-accessibilite/", "sans accent"),
    ("RGAA", "/ressources/checklist-accessibilite/", "sigle dans l'introduction"),
    ("accessibilté", "/ressources/checklist-accessibilite/", "faute d'une lettre (oubli)"),
    ("indicateur d'impact", "/ressources/indicateurs-impact/", "singulier, apostrophe"),
    ("mesurer l'impact", "/ressources/indicateurs-impact/", "plusieurs mots, verbe"),
    ("marché public", "/ressources/achat-public/", "singulier de « marchés publics »"),
    ("achats publics", "/ressources/achat-public/", "pluriel"),
    ("entretien utilisateur", "/ressources/formation-entretiens-utilisateurs/", "singuliers"),
    ("interviewer les usagers", "/ressources/formation-entretiens-utilisateurs/", "mots du corps"),
    ("rgpd", "/ressources/referent-rgpd/", "sigle en minuscules"),
    ("donnees personnelles", "/ressources/referent-rgpd/", "sans accent, pluriel"),
    ("hebergement", "/ressources/hebergement-souverain/", "sans accent"),
    ("héberger son service", "/ressources/hebergement-souverain/", "verbe pour le nom"),
    ("hebergment", "/ressources/hebergement-souverain/", "faute d'une lettre (oubli)"),
    ("comite d'investissement", "/ressources/video-comite-investissement/", "sans accent, plusieurs mots"),
    ("présentation en comité", "/ressources/video-comite-investissement/", "nom pour le verbe « présenter »"),
    ("collectivite", "/ressources/convention-partenariat-collectivite/", "sans accent"),
    ("conventions de partenariat", "/ressources/convention-partenariat-collectivite/", "pluriel"),
    ("convnetion", "/ressources/convention-partenariat-collectivite/", "faute d'une lettre (inversion)"),
    ("transfert du service", "/ressources/checklist-transfert/", "nom pour le verbe « transférer »"),
    ("pérenniser", "/ressources/checklist-transfert/", "verbe de l'introduction"),
    ("financements", "/ressources/budget-financement/", "pluriel"),
    ("budget annuel", "/ressources/budget-financement/", "plusieurs mots"),
    ("satisfaction des usagers", "/ressources/satisfaction-usagers/", "plusieurs mots, mot vide"),
    ("questionnaire", "/ressources/satisfaction-usagers/", "singulier de l'introduction"),
    ("nouvel arrivant", "/ressources/kit-accueil-arrivee/", "formes proches de « nouvelle arrivée »"),
    ("outils", "/ressources/kit-accueil-arrivee/", "pluriel du corps"),
    ("mentions legales", "/mentions-legales/", "page de contenu, sans accent"),
    ("declaration d'accessibilite", "/accessibilite/", "page de contenu, plusieurs mots"),
]
