"""Demo content for roles, onboarding paths and "Qui contacter", written for Fabrique.

Keyed by slug: a page that already exists is left untouched, so a second run changes nothing.
"""

from django.db import transaction

from core.pages import get_or_create_child
from core.taxonomy.models import Phase, Role

from .models import (
    ContactDirectoryPage,
    OnboardingIndexPage,
    OnboardingPathPage,
    OnboardingStep,
    RoleIndexPage,
    RolePage,
    RoleResponsibility,
)

ESPACE_MEMBRE = "https://espace-membre.incubateur.net/"
MESSAGERIE = "https://mattermost.incubateur.net/"
DOCUMENTATION = "https://doc.incubateur.net/"


def contact(name, role="", email="", url="", description=""):
    return {"name": name, "role": role, "email": email, "url": url, "description": description}


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

# (slug, title, intro, role slugs, [(moment, title, html, links, minutes, essential)])
PATHS = [
    (
        "intrapreneur",
        "Parcours d'arrivée des intrapreneur·es",
        "Votre premier mois pour prendre en main la startup et son contexte.",
        ["intrapreneur"],
        [
            (
                "jour",
                "Créer votre compte membre",
                "<p>Votre compte ouvre l'accès aux outils du réseau.</p>",
                [("Espace membre", ESPACE_MEMBRE)],
                20,
                True,
            ),
            (
                "jour",
                "Rejoindre la messagerie de la communauté",
                "<p>Présentez-vous dans le canal d'accueil et rejoignez celui de votre startup.</p>",
                [("Messagerie", MESSAGERIE)],
                15,
                True,
            ),
            (
                "jour",
                "Savoir qui contacter en cas de blocage",
                "<p>Compte, outil, doute ou difficulté : repérez dès maintenant à qui vous adresser.</p>",
                ["page:qui-contacter"],
                10,
                True,
            ),
            (
                "semaine",
                "Rencontrer votre coach",
                "<p>Fixez un premier rendez-vous pour relire ensemble le problème et la fiche de la "
                "startup.</p>",
                ["page:roles/coach"],
                60,
                True,
            ),
            (
                "semaine",
                "Lire la fiche de votre rôle",
                "<p>Ce que l'on attend de vous, phase par phase.</p>",
                ["page:roles/intrapreneur"],
                20,
                False,
            ),
            (
                "semaine",
                "Rencontrer trois utilisateurs",
                "<p>Avant de décider quoi que ce soit, allez voir comment le problème se vit.</p>",
                [],
                180,
                True,
            ),
            (
                "mois",
                "Préparer votre premier comité",
                "<p>Avec votre coach : le problème, ce que vous avez appris, ce que vous mesurerez.</p>",
                [("Documentation du réseau", DOCUMENTATION)],
                240,
                True,
            ),
            (
                "mois",
                "Participer à un rituel de la communauté",
                "<p>Une démo ou un atelier : vous y rencontrerez d'autres intrapreneur·es.</p>",
                [],
                90,
                False,
            ),
        ],
    ),
    (
        "developpeur",
        "Parcours d'arrivée des développeur·ses",
        "Accès, code, mise en production : de quoi livrer sereinement dès la première semaine.",
        ["developpeur"],
        [
            (
                "jour",
                "Créer votre compte membre",
                "<p>Sans lui, pas d'accès aux outils du réseau.</p>",
                [("Espace membre", ESPACE_MEMBRE)],
                20,
                True,
            ),
            (
                "jour",
                "Rejoindre la messagerie et le canal technique",
                "<p>Présentez-vous et repérez le canal où les développeur·ses s'entraident.</p>",
                [("Messagerie", MESSAGERIE)],
                15,
                True,
            ),
            (
                "jour",
                "Obtenir l'accès au dépôt de code",
                "<p>Demandez l'accès au dépôt et à l'hébergement à un membre de l'équipe.</p>",
                ["page:qui-contacter"],
                30,
                True,
            ),
            (
                "semaine",
                "Lancer le service sur votre poste",
                "<p>Suivez le fichier README ; notez ce qui manque et corrigez-le : c'est votre première "
                "contribution.</p>",
                [],
                120,
                True,
            ),
            (
                "semaine",
                "Livrer une première petite modification",
                "<p>Une correction modeste, relue par un pair, mise en production.</p>",
                [],
                240,
                True,
            ),
            (
                "semaine",
                "Lire la fiche de votre rôle",
                "<p>Ce qui est attendu de vous au fil des phases.</p>",
                ["page:roles/developpeur"],
                20,
                False,
            ),
            (
                "mois",
                "Vérifier la sécurité et l'accessibilité",
                "<p>Faites le point avec l'équipe sur les exigences d'homologation et d'accessibilité.</p>",
                [("Documentation du réseau", DOCUMENTATION)],
                180,
                True,
            ),
            (
                "mois",
                "Contribuer à un sujet commun",
                "<p>La communauté vit des 10 % de temps que chacun lui consacre : choisissez un sujet.</p>",
                [],
                120,
                False,
            ),
        ],
    ),
]

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


def load_contacts(home):
    categories = [
        ("category", {"kind": kind, "title": title, "text": text, "contacts": contacts})
        for kind, title, text, contacts in CONTACT_CATEGORIES
    ]
    page, _ = get_or_create_child(
        home,
        ContactDirectoryPage,
        "qui-contacter",
        title="Qui contacter",
        intro="Qui vous aide pour vos comptes, la méthode, les difficultés au travail ou votre départ.",
        categories=categories,
        show_in_menus=False,
    )
    return page


def load_role_pages(index, log):
    phases = {phase.slug: phase for phase in Phase.objects.all()}
    created = 0
    for slug, title, intro, mission, by_phase, skills, contacts in ROLES:
        role = Role.objects.filter(slug=slug).first()
        if role is None or RolePage.objects.filter(role=role).exists():
            continue
        _, new = get_or_create_child(
            index,
            RolePage,
            slug,
            title=title,
            intro=intro,
            role=role,
            mission=mission,
            skills=[("skill", {"name": name, "detail": detail}) for name, detail in skills],
            whom_to_ask=[("contact", value) for value in contacts],
            responsibilities=[
                RoleResponsibility(phase=phases[phase_slug], text=text)
                for phase_slug, text in by_phase.items()
                if phase_slug in phases
            ],
        )
        created += new
    log(f"Rôles : {created} page(s) créée(s).")


def step_links(links, home):
    blocks = []
    for link in links:
        if isinstance(link, str):
            page = (
                home.get_descendants()
                .filter(url_path=f"{home.url_path}{link.removeprefix('page:')}/")
                .first()
            )
            if page is not None:
                blocks.append(("link", {"page": page, "url": "", "label": ""}))
        else:
            label, url = link
            blocks.append(("link", {"page": None, "url": url, "label": label}))
    return blocks


def load_paths(index, home, log):
    created = 0
    for slug, title, intro, role_slugs, steps in PATHS:
        _, new = get_or_create_child(
            index,
            OnboardingPathPage,
            slug,
            title=title,
            intro=intro,
            roles=list(Role.objects.filter(slug__in=role_slugs)),
            steps=[
                OnboardingStep(
                    moment=moment,
                    title=step_title,
                    what_to_do=html,
                    links=step_links(links, home),
                    duration_minutes=minutes,
                    essential=essential,
                    sort_order=position,
                )
                for position, (moment, step_title, html, links, minutes, essential) in enumerate(steps)
            ],
        )
        created += new
    log(f"Parcours d'arrivée : {created} parcours créé(s).")


@transaction.atomic
def load(home, log):
    role_index = RoleIndexPage.objects.descendant_of(home).first()
    onboarding_index = OnboardingIndexPage.objects.descendant_of(home).first()
    if role_index is None or onboarding_index is None:
        log("Rôles et parcours : rubriques absentes, rien à créer.")
        return
    load_contacts(home)
    load_role_pages(role_index, log)
    load_paths(onboarding_index, home, log)
