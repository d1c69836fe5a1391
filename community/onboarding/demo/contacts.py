"""Demo "Qui contacter" topics: who helps with accounts, method, well-being and leaving."""

from .links import ESPACE_MEMBRE, contact

CONTACT_CATEGORIES = [
    (
        "comptes",
        "Comptes et outils",
        "<p>Vous n'arrivez pas à créer votre compte ou à rejoindre la messagerie ? C'est le blocage le plus "
        "fréquent à l'arrivée : signalez-le tout de suite, vous ne devez pas attendre pour commencer.</p>",
        [
            contact(
                "Support de l'espace membre",
                "Comptes du réseau",
                url=ESPACE_MEMBRE,
                description="Création de compte, adresse électronique, accès perdu.",
            ),
            contact(
                "Un membre de votre équipe",
                "Accès au code et à l'hébergement",
                description="Dépôt, serveurs, outils propres à la startup.",
            ),
        ],
    ),
    (
        "methode",
        "Méthode et accompagnement",
        "<p>Pour préparer un comité, mesurer l'impact ou débloquer une décision.</p>",
        [contact("Votre coach", "Coach de la startup", description="Méthode, comités, priorités.")],
    ),
    (
        "bien-etre",
        "Bien-être et conflits au travail",
        "<p>Épuisement professionnel (burnout), conflit dans l'équipe, violences ou harcèlement : "
        "vous n'avez pas à rester seul·e. Parlez-en à une personne de confiance (coach, responsable "
        "d'incubateur). Votre employeur public doit "
        "disposer d'un dispositif de signalement des violences, discriminations et harcèlements, et la "
        "médecine du travail (ou de prévention) est tenue au secret médical.</p>"
        "<p>En cas de détresse, le <b>3114</b>, numéro national de prévention du suicide, répond jour et "
        "nuit, "
        "gratuitement.</p>",
        [
            contact(
                "Responsable de votre incubateur",
                "Écoute et médiation",
                description="Pour un conflit dans l'équipe ou une situation qui se dégrade.",
            ),
            contact(
                "Médecine du travail",
                "Service de santé au travail de votre employeur",
                description="Épuisement, souffrance au travail ; confidentiel.",
            ),
        ],
    ),
    (
        "depart",
        "Quitter une mission",
        "<p>Un départ se prépare : passation, accès à rendre, annonce à l'équipe. Un départ subi ou brutal "
        "se "
        "parle aussi : ne le vivez pas seul·e.</p>",
        [contact("Votre coach", "Coach de la startup", description="Organiser la passation et le départ.")],
    ),
]
