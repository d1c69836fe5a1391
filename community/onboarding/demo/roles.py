"""Demo role pages: what each actor of a startup d'État does, phase by phase (written for Fabrique)."""

from .links import contact

# (slug, title, intro, mission html, {phase slug: html}, [(skill, detail)], [contact])
ROLES = [
    (
        "intrapreneur",
        "Intrapreneur·e",
        "L'agent public qui porte le problème, décide des priorités du produit et en répond devant son "
        "administration.",
        "<p>L'intrapreneur·e est un agent public détaché à temps plein ou presque sur la startup. Il ou elle "
        "connaît le métier et le terrain, fixe le cap, arbitre ce que l'équipe construit en premier et "
        "fait le "
        "lien avec l'administration qui porte le service.</p>",
        {
            "investigation": "<p>Aller voir les usagers et les agents, formuler le problème, vérifier qu'il "
            "mérite un service numérique.</p>",
            "construction": "<p>Prioriser le backlog chaque semaine, présenter l'avancement au comité "
            "d'investissement, trouver les premiers utilisateurs.</p>",
            "acceleration": "<p>Convaincre de nouveaux territoires, préparer le financement de la suite et "
            "recruter si l'équipe doit grandir.</p>",
            "consolidation": "<p>Négocier la pérennisation avec l'administration et préparer la relève.</p>",
        },
        [
            ("Connaissance du métier", "Vous savez comment le problème se vit sur le terrain."),
            ("Arbitrer", "Dire non à une fonctionnalité pour en réussir une autre."),
            ("Convaincre", "Présenter l'impact mesuré plutôt que des intentions."),
        ],
        [contact("Votre coach", "Coach de la startup", description="Pour la méthode et les comités.")],
    ),
    (
        "coach",
        "Coach",
        "Accompagne plusieurs équipes sur la méthode, la mesure d'impact et l'entrepreneuriat public.",
        "<p>Le ou la coach suit plusieurs startups à la fois. Il ou elle ne décide pas à la place de "
        "l'équipe : "
        "il pose les bonnes questions, prépare les comités avec l'intrapreneur·e et partage ce qui a marché "
        "ailleurs dans le réseau.</p>",
        {
            "investigation": "<p>Aider à cadrer le problème et à organiser les premiers entretiens.</p>",
            "construction": "<p>Animer les rétrospectives, suivre les indicateurs d'impact, alerter tôt.</p>",
            "acceleration": "<p>Mettre l'équipe en relation avec d'autres startups et des financeurs.</p>",
        },
        [
            ("Méthode startup d'État", "Investigation, construction, mesure d'impact."),
            ("Écoute", "Repérer une équipe en difficulté avant qu'elle ne le dise."),
        ],
        [contact("L'équipe d'animation", "Communauté des coachs", description="Échanges de pratiques.")],
    ),
    (
        "designer",
        "Designer UX",
        "Conçoit les parcours avec les usagers, les teste et veille à ce que le service soit accessible.",
        "<p>Le ou la designer rencontre les usagers, observe leurs difficultés, prototype des parcours et "
        "les "
        "teste avant qu'une ligne de code ne soit écrite. Il ou elle porte aussi l'accessibilité avec "
        "l'équipe.</p>",
        {
            "investigation": "<p>Mener les entretiens et les observations, restituer ce qui bloque.</p>",
            "construction": "<p>Prototyper, tester avec de vrais usagers, suivre le système de design de "
            "l'État.</p>",
        },
        [
            ("Recherche utilisateur", "Entretiens, observations, tests."),
            ("Système de design de l'État", "Composants DSFR et règles d'accessibilité."),
        ],
        [],
    ),
    (
        "developpeur",
        "Développeur·se",
        "Construit le service, son code, son hébergement et sa sécurité, en petites livraisons fréquentes.",
        "<p>Le ou la développeur·se écrit le code du service, le met en ligne souvent et par petits "
        "morceaux, "
        "et s'assure qu'il reste sûr, accessible et maintenable par ceux qui le reprendront.</p>",
        {
            "investigation": "<p>Vérifier ce qui existe déjà (données, API) et construire un premier "
            "prototype jetable.</p>",
            "construction": "<p>Livrer chaque semaine, automatiser les tests et la mise en production, "
            "documenter.</p>",
            "consolidation": "<p>Préparer l'homologation de sécurité et la reprise du code.</p>",
        },
        [
            ("Livraison continue", "Des mises en production petites et fréquentes."),
            ("Code ouvert", "Le code est public par défaut, sauf exception justifiée."),
        ],
        [],
    ),
    (
        "utilisateur",
        "Utilisateur·rice",
        "La personne pour qui le service existe : elle partage ses difficultés et teste ce que l'équipe "
        "construit.",
        "<p>Usager ou agent, l'utilisateur·rice n'est pas membre de l'équipe mais il ou elle est au centre "
        "de la "
        "méthode : ses retours décident de ce qui est construit, gardé ou abandonné.</p>",
        {"investigation": "<p>Raconter son quotidien et ce qui bloque.</p>"},
        [],
        [],
    ),
    (
        "expert",
        "Expert·e",
        "Juriste, référent accessibilité, sécurité ou données : intervient ponctuellement sur son domaine.",
        "<p>Les expert·es accompagnent plusieurs startups sur un sujet précis : le droit, l'accessibilité, "
        "la "
        "sécurité, la protection des données. On les sollicite tôt, avant qu'un choix ne soit coûteux à "
        "défaire.</p>",
        {"construction": "<p>Relire les choix sensibles et aider à les documenter.</p>"},
        [("Pédagogie", "Rendre son expertise utilisable par une petite équipe.")],
        [],
    ),
]
