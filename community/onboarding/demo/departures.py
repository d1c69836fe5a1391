"""Demo departure paths (« Partir bien »): the hand-over from J-30 to after the last day, per role.

Written for Fabrique, from the Communauté XP seed: « certaines sorties peuvent être violentes ».
"""

from .links import DOCUMENTATION, ESPACE_MEMBRE, MESSAGERIE

# (slug, title, intro, role slugs, [(moment, title, html, links, minutes, essential)])
DEPARTURE_PATHS = [
    (
        "partir-bien-intrapreneur",
        "Partir bien : intrapreneur·es",
        "Votre mission se termine : transmettez la startup, son histoire et ses contacts, puis partez "
        "en paix.",
        ["intrapreneur"],
        [
            (
                "j-30",
                "Annoncer votre départ à l'équipe et à votre coach",
                "<p>Dites-le tôt, de vive voix : la date, la raison si vous le souhaitez, et ce que vous "
                "voulez transmettre. Votre coach vous aide à choisir qui reprend quoi.</p>",
                ["page:qui-contacter"],
                30,
                True,
            ),
            (
                "j-30",
                "Préparer la passation avec la personne qui vous succède",
                "<p>Listez les décisions en cours, les partenaires, les prochains comités et les "
                "engagements pris auprès de l'administration porteuse.</p>",
                [],
                240,
                True,
            ),
            (
                "derniere-semaine",
                "Mettre à jour la fiche et la documentation de la startup",
                "<p>Indicateurs, feuille de route, historique des choix : ce que vous savez doit "
                "rester écrit quelque part, pas seulement dans votre tête.</p>",
                [("Documentation du réseau", DOCUMENTATION)],
                120,
                True,
            ),
            (
                "derniere-semaine",
                "Avoir un entretien de sortie avec votre coach",
                "<p>Un moment pour dire ce qui a marché, ce qui a été difficile, et ce que vous "
                "feriez autrement. Si votre départ se passe mal, dites-le : la communauté peut aider.</p>",
                ["page:roles/coach"],
                60,
                True,
            ),
            (
                "dernier-jour",
                "Rendre vos accès et transférer vos comptes",
                "<p>Transférez la propriété des outils (messagerie, tableaux, comptes de service) puis "
                "demandez la fermeture de vos accès.</p>",
                [("Espace membre", ESPACE_MEMBRE)],
                45,
                True,
            ),
            (
                "dernier-jour",
                "Dire au revoir à la communauté",
                "<p>Un message dans le canal de la startup et dans celui de la communauté : où vous "
                "allez, et comment vous joindre si vous le souhaitez.</p>",
                [("Messagerie", MESSAGERIE)],
                15,
                False,
            ),
            (
                "apres",
                "Répondre au questionnaire de départ",
                "<p>Trois questions, sans votre nom : vos réponses ne sont lues qu'avec celles "
                "d'au moins quatre autres personnes.</p>",
                [],
                10,
                False,
            ),
        ],
    ),
    (
        "partir-bien-equipe",
        "Partir bien : développeur·ses et designers",
        "Code, maquettes, accès : ce qu'il faut laisser en ordre pour que l'équipe continue sans vous.",
        ["developpeur", "designer"],
        [
            (
                "j-30",
                "Prévenir l'équipe et fixer la date de passation",
                "<p>Convenez avec l'intrapreneur·e de qui reprend vos sujets et d'un créneau pour la "
                "passation.</p>",
                [],
                30,
                True,
            ),
            (
                "j-30",
                "Documenter ce que vous seul·e savez",
                "<p>Déploiement, secrets, décisions d'architecture ou de design, tests utilisateurs en "
                "cours : écrivez-le dans le dépôt ou la documentation de la startup.</p>",
                [("Documentation du réseau", DOCUMENTATION)],
                240,
                True,
            ),
            (
                "derniere-semaine",
                "Faire la passation en binôme",
                "<p>Une mise en production ou un test utilisateur mené ensemble vaut mieux qu'un long "
                "document.</p>",
                [],
                180,
                True,
            ),
            (
                "derniere-semaine",
                "Avoir un entretien de sortie",
                "<p>Avec votre coach ou l'intrapreneur·e : ce qui a marché, ce qui vous a manqué.</p>",
                ["page:qui-contacter"],
                45,
                True,
            ),
            (
                "dernier-jour",
                "Rendre vos accès",
                "<p>Dépôt de code, hébergement, outils de conception, comptes de service : transférez "
                "puis fermez vos accès, et faites changer les secrets que vous connaissiez.</p>",
                [("Espace membre", ESPACE_MEMBRE)],
                60,
                True,
            ),
            (
                "apres",
                "Répondre au questionnaire de départ",
                "<p>Trois questions, sans votre nom, pour que les prochains départs se passent mieux.</p>",
                [],
                10,
                False,
            ),
        ],
    ),
]
