"""Demo content for the resource library: resource kinds, a dozen resources and their small documents.

Written for Fabrique (nothing copied from elsewhere). Keyed by slug (pages, kinds) and by title
(documents), so that a second run changes nothing and creates no revision.
"""

import datetime

from django.core.files.base import ContentFile
from django.db import transaction

from wagtail.documents import get_document_model

from core.taxonomy.models import Phase, Role, Thematique

from .models import ResourceIndexPage, ResourceKind, ResourcePage

KINDS = [
    ("modele", "Modèle", "Un document à copier et adapter : fiche de poste, convention, tableau…"),
    ("outil", "Outil", "Un service en ligne ou un logiciel utilisé par les équipes."),
    ("checklist", "Checklist", "Une liste de vérifications avant une étape importante."),
    ("formation", "Formation", "Un parcours pour apprendre une pratique, seul ou en groupe."),
    ("contact", "Contact", "Une personne ou une équipe à solliciter sur un sujet précis."),
    ("article", "Article", "Un retour d'expérience ou une explication écrite par la communauté."),
    ("video", "Vidéo", "Une présentation filmée, un atelier enregistré."),
]


def _pdf(lines: list[str]) -> bytes:
    """A minimal one-page PDF showing a few lines of text (Latin-1), enough to be a real PDF."""
    text = " ".join(f"({line.replace('(', '[').replace(')', ']')}) Tj 0 -18 Td" for line in lines)
    stream = f"BT /F1 12 Tf 56 780 Td {text} ET".encode("latin-1")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> "
        b"/Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{offset:010d} 00000 n \n".encode() for offset in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


DOCUMENTS = {
    "fiche-de-poste": (
        "Modèle de fiche de poste — développeur·se",
        "fiche-de-poste-developpeur.md",
        (
            "# Fiche de poste : développeur·se d'une startup d'État\n\n"
            "## La mission\nDécrivez le problème public que l'équipe résout, en deux phrases.\n\n"
            "## Ce que vous ferez\n- Construire le service avec l'équipe, en livrant chaque semaine ;\n"
            "- Échanger avec les utilisateurs et mesurer l'impact ;\n- Maintenir l'hébergement.\n\n"
            "## Le cadre\nDurée, lieu, télétravail, rémunération, date de démarrage.\n"
        ).encode(),
    ),
    "indicateurs": (
        "Tableau de suivi des indicateurs d'impact",
        "indicateurs-impact.csv",
        (
            "indicateur;définition;source;fréquence;cible\n"
            "Usagers actifs;Personnes ayant utilisé le service dans le mois;journaux;mensuelle;1000\n"
            "Démarches abouties;Demandes allant jusqu'au bout;base de données;hebdomadaire;80 %\n"
            "Satisfaction;Note moyenne donnée par les usagers;questionnaire;trimestrielle;4/5\n"
        ).encode(),
    ),
    "checklist-accessibilite": (
        "Checklist accessibilité (PDF)",
        "checklist-accessibilite.pdf",
        _pdf(
            [
                "Checklist accessibilite avant la mise en ligne",
                "1. Navigation complete au clavier",
                "2. Contrastes suffisants et textes alternatifs",
                "3. Formulaires etiquetes, erreurs explicites",
                "4. Declaration d'accessibilite publiee",
            ]
        ),
    ),
    "transfert": (
        "Liste des étapes du transfert",
        "etapes-transfert.txt",
        (
            "Étapes du transfert d'un service à son administration\n"
            "1. Nommer le responsable du service côté administration.\n"
            "2. Documenter l'hébergement, le code et les accès.\n"
            "3. Organiser la formation de l'équipe qui reprend.\n"
            "4. Signer la convention de transfert.\n"
        ).encode(),
    ),
}

# slug, title, intro, kind, document key, external URL, phases, roles, thématiques, paragraphs
RESOURCES = [
    (
        "fiche-de-poste-developpeur",
        "Modèle de fiche de poste pour recruter un développeur",
        "Une trame à adapter pour publier une offre claire et attirer les bons profils techniques.",
        "modele",
        "fiche-de-poste",
        "",
        ["investigation", "construction"],
        ["intrapreneur", "developpeur"],
        [],
        [
            "Le recrutement d'un développeur est souvent la première embauche d'une startup d'État. "
            "Une fiche de poste précise réduit les allers-retours : elle dit le problème, l'équipe, "
            "le rythme de livraison et les conditions.",
            "Adaptez la mission à votre phase : en investigation, privilégiez un profil à l'aise avec "
            "le prototypage rapide ; en construction, la qualité et l'hébergement comptent davantage.",
        ],
    ),
    (
        "checklist-accessibilite",
        "Checklist d'accessibilité avant la mise en ligne",
        "Vingt vérifications à faire avant d'ouvrir un service au public, inspirées du RGAA.",
        "checklist",
        "checklist-accessibilite",
        "https://accessibilite.numerique.gouv.fr/",
        ["construction", "acceleration"],
        ["designer", "developpeur"],
        [],
        [
            "L'accessibilité n'est pas une étape finale : cette liste sert à se rassurer avant une "
            "mise en production, pas à remplacer un audit.",
            "Navigation au clavier, contrastes, formulaires, textes alternatifs : chaque point indique "
            "comment le tester en moins de cinq minutes.",
        ],
    ),
    (
        "indicateurs-impact",
        "Tableau de suivi des indicateurs d'impact",
        "Un tableur prêt à remplir pour mesurer l'impact du service et le présenter en comité.",
        "modele",
        "indicateurs",
        "",
        ["construction", "acceleration", "consolidation"],
        ["intrapreneur", "coach"],
        [],
        [
            "Mesurer l'impact, c'est choisir peu d'indicateurs, les définir précisément et les suivre "
            "dans le temps. Le tableau propose trois indicateurs de départ.",
            "Chaque ligne précise la source de la donnée et la fréquence de mesure, pour que les "
            "chiffres présentés au comité d'investissement soient vérifiables.",
        ],
    ),
    (
        "achat-public",
        "Comprendre l'achat public pour une startup d'État",
        "Marchés publics, bons de commande, seuils : ce qu'il faut savoir avant de commander.",
        "article",
        "",
        "https://www.economie.gouv.fr/daj/commande-publique",
        ["construction", "acceleration"],
        ["intrapreneur", "expert"],
        [],
        [
            "Une équipe a souvent besoin d'acheter une prestation ou un logiciel. Les marchés publics "
            "encadrent ces achats : au-dessous de certains seuils, la procédure est allégée.",
            "Les incubateurs disposent généralement de marchés déjà passés : renseignez-vous auprès de "
            "votre incubateur avant de lancer une consultation.",
        ],
    ),
    (
        "formation-entretiens-utilisateurs",
        "Formation : conduire des entretiens avec les utilisateurs",
        "Une demi-journée pour apprendre à interroger les usagers sans orienter leurs réponses.",
        "formation",
        "",
        "https://designgouv.notion.site/",
        ["investigation"],
        ["designer", "intrapreneur", "coach"],
        [],
        [
            "Interviewer un usager, c'est écouter ses pratiques réelles plutôt que ses opinions. La "
            "formation alterne apports et mises en situation.",
            "Vous repartez avec une grille d'entretien, un modèle de synthèse et des conseils pour "
            "recruter des participants sur le terrain.",
        ],
    ),
    (
        "referent-rgpd",
        "Contacter le référent juridique sur les données personnelles",
        "Pour toute question RGPD : analyse d'impact, registre, mentions d'information.",
        "contact",
        "",
        "https://www.cnil.fr/fr/rgpd-de-quoi-parle-t-on",
        ["investigation", "construction"],
        ["expert", "intrapreneur"],
        ["justice"],
        [
            "Dès qu'un service traite des données personnelles, le référent juridique aide l'équipe à "
            "tenir le registre des traitements et à rédiger les mentions d'information.",
            "Prévoyez un premier échange avant la construction : une analyse d'impact peut être "
            "nécessaire pour les données sensibles.",
        ],
    ),
    (
        "hebergement-souverain",
        "Hébergement souverain : choisir un cloud pour son service",
        "Comparer les offres d'hébergement qualifiées et estimer leur coût dès la construction.",
        "outil",
        "",
        "https://www.numerique.gouv.fr/services/cloud/",
        ["construction", "consolidation"],
        ["developpeur"],
        [],
        [
            "Héberger un service public impose des exigences de sécurité et de localisation des "
            "données. Cet outil compare les offres qualifiées et leurs coûts.",
            "Un tableau indique les services managés disponibles : base de données, stockage, "
            "sauvegardes et supervision.",
        ],
    ),
    (
        "video-comite-investissement",
        "Vidéo : présenter son service en comité d'investissement",
        "Vingt minutes pour préparer une présentation claire de l'impact et des besoins de l'équipe.",
        "video",
        "",
        "https://tube.numerique.gouv.fr/",
        ["construction", "acceleration", "consolidation"],
        ["intrapreneur", "coach"],
        [],
        [
            "Le comité d'investissement décide de la suite d'une startup. Cette vidéo montre comment "
            "présenter les résultats, les indicateurs et les prochaines étapes.",
        ],
    ),
    (
        "convention-partenariat-collectivite",
        "Modèle de convention de partenariat avec une collectivité",
        "Une convention type pour expérimenter un service avec une commune, un département ou une région.",
        "modele",
        "",
        "https://www.collectivites-locales.gouv.fr/",
        ["investigation", "construction", "acceleration"],
        ["intrapreneur", "expert"],
        ["collectivites"],
        [
            "Travailler avec les collectivités territoriales suppose un cadre écrit : objet, durée, "
            "engagements de chacun, données échangées.",
            "Le modèle prévoit une clause de réversibilité pour que la collectivité garde ses données "
            "à la fin de l'expérimentation.",
        ],
    ),
    (
        "checklist-transfert",
        "Checklist pour transférer un service à son administration",
        "Les étapes pour pérenniser un service hors de l'incubateur, sans perte de savoir.",
        "checklist",
        "transfert",
        "",
        ["consolidation", "transfere"],
        ["intrapreneur", "coach", "developpeur"],
        [],
        [
            "Le transfert se prépare des mois à l'avance : désigner qui reprend, documenter le code et "
            "l'hébergement, former l'équipe qui pérennisera le service.",
        ],
    ),
    (
        "budget-financement",
        "Tableur de budget et de financement d'une startup d'État",
        "Estimer le budget annuel et suivre les financements obtenus, phase par phase.",
        "outil",
        "",
        "https://beta.gouv.fr/approche/",
        ["acceleration", "consolidation"],
        ["intrapreneur", "coach"],
        [],
        [
            "Le financement d'une startup change d'une phase à l'autre. Le tableur distingue les "
            "dépenses d'équipe, d'hébergement et de prestations.",
            "Il aide à préparer la demande de financement présentée au comité.",
        ],
    ),
    (
        "satisfaction-usagers",
        "Mesurer la satisfaction des usagers sans les lasser",
        "Questionnaires courts, notes après usage, verbatims : ce qui marche dans le réseau.",
        "article",
        "",
        "https://design.numerique.gouv.fr/",
        ["construction", "acceleration"],
        ["designer", "utilisateur"],
        ["sante", "emploi"],
        [
            "Une question posée au bon moment vaut mieux qu'un long questionnaire. Les équipes du "
            "réseau partagent leurs pratiques de mesure de la satisfaction.",
        ],
    ),
    (
        "kit-accueil-arrivee",
        "Kit d'accueil pour une nouvelle arrivée dans l'équipe",
        "Accès, outils, rituels et personnes à rencontrer la première semaine.",
        "checklist",
        "",
        "https://doc.incubateur.net/",
        ["investigation", "construction", "acceleration"],
        ["intrapreneur", "designer", "developpeur", "coach"],
        [],
        [
            "Bien accueillir une personne qui rejoint l'équipe lui fait gagner des semaines : le kit "
            "liste les accès à ouvrir, les outils et les rituels.",
        ],
    ),
]

DEMO_UPDATED_ON = datetime.date(2026, 10, 1)


def load_kinds():
    kinds = {}
    for order, (slug, name, description) in enumerate(KINDS, start=1):
        kinds[slug], _ = ResourceKind.objects.get_or_create(
            slug=slug, defaults={"name": name, "description": description, "order": order}
        )
    return kinds


def load_documents():
    Document = get_document_model()
    documents = {}
    for key, (title, filename, content) in DOCUMENTS.items():
        document = Document.objects.filter(title=title).first()
        if document is None:
            document = Document(title=title)
            document.file.save(filename, ContentFile(content), save=False)
            document._set_document_file_metadata()
            document.save()
        documents[key] = document
    return documents


def load_resources(index, kinds, documents, log):
    existing = set(index.get_children().values_list("slug", flat=True))
    by_slug = {
        model: {term.slug: term for term in model.objects.all()} for model in (Phase, Role, Thematique)
    }
    created = 0
    for slug, title, intro, kind, document, url, phases, roles, thematiques, paragraphs in RESOURCES:
        if slug in existing:
            continue
        page = ResourcePage(
            slug=slug,
            title=title,
            intro=intro,
            kind=kinds[kind],
            document=documents.get(document),
            external_url=url,
            updated_on=DEMO_UPDATED_ON,
            body=[("paragraph", f"<p>{text}</p>") for text in paragraphs],
        )
        page.phases = [by_slug[Phase][s] for s in phases if s in by_slug[Phase]]
        page.roles = [by_slug[Role][s] for s in roles if s in by_slug[Role]]
        page.thematiques = [by_slug[Thematique][s] for s in thematiques if s in by_slug[Thematique]]
        index.add_child(instance=page)
        page.save_revision().publish()
        created += 1
    log(f"Ressources : {created} créée(s), {len(RESOURCES) - created} déjà présente(s).")


@transaction.atomic
def load(home, log):
    index = ResourceIndexPage.objects.descendant_of(home).first()
    if index is None:
        log("Ressources : la bibliothèque n'existe pas encore, rien à charger.")
        return
    load_resources(index, load_kinds(), load_documents(), log)
