"""Demo guide pages: a three-level methodology tree, written for Fabrique, using every block, and one
incubator variant of a page (« Version Fabrique des territoires »).

Pages go through `upsert_page` keyed by `demo:<slug>`, so a second run changes nothing and saves no
revision. The responsible coach is a demo account of the "Coachs" group without a usable password.
"""

import datetime
import json
import uuid

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from community.members.groups import COACHS
from core.importing import upsert_page
from core.taxonomy.models import Phase, Role

from .models import GuideIndexPage, GuidePage, GuideVariantPage

REVIEWED = datetime.date(2026, 9, 1)
PICTOGRAM = "/static/dsfr/dist/artwork/pictograms/institutions/money.svg"


def block(slug, n, block_type, value):
    return {"type": block_type, "value": value, "id": str(uuid.uuid5(uuid.NAMESPACE_URL, f"demo/{slug}/{n}"))}


def body(slug, *blocks):
    return json.dumps([block(slug, n, t, v) for n, (t, v) in enumerate(blocks)], ensure_ascii=False)


def p(html):
    return ("paragraph", html)


def h(text, level="h2"):
    return ("heading", {"text": text, "level": level, "anchor": ""})


def callout(style, text, title=""):
    return ("callout", {"style": style, "title": title, "text": f"<p>{text}</p>"})


PAGES = [
    # (slug, parent slug, icon, title, intro, phases, roles, body blocks)
    (
        "methode",
        None,
        "🧭",
        "La méthode startup d'État",
        "Ce que fait une équipe, phase après phase, pour résoudre un problème public avec ses usagers.",
        [],
        ["coach", "intrapreneur"],
        lambda slug: body(
            slug,
            p(
                "<p>Une startup d'État part d'un <b>problème</b>, pas d'une solution. Ce guide décrit "
                "les phases, les rituels et les décisions qui rythment sa vie.</p>"
            ),
            h("Les phases en un coup d'œil"),
            (
                "cards",
                {
                    "title": "",
                    "cards": [
                        {
                            "title": "Investigation",
                            "text": "<p>Comprendre le problème sur le terrain.</p>",
                            "image": None,
                            "image_url": PICTOGRAM,
                            "page": None,
                            "url": "/guides/methode/investigation/",
                        },
                        {
                            "title": "Construction",
                            "text": "<p>Livrer un premier service utile et le mesurer.</p>",
                            "image": None,
                            "image_url": "",
                            "page": None,
                            "url": "/guides/methode/construction/",
                        },
                    ],
                },
            ),
            h("Questions fréquentes"),
            (
                "accordion",
                {
                    "title": "",
                    "items": [
                        {
                            "title": "Faut-il un cahier des charges ?",
                            "body": [
                                {
                                    "type": "paragraph",
                                    "value": "<p>Non : l'équipe avance par itérations courtes, "
                                    "mesurées auprès des usagers.</p>",
                                }
                            ],
                        },
                        {
                            "title": "Qui décide de la suite ?",
                            "body": [
                                {
                                    "type": "paragraph",
                                    "value": "<p>Le comité d'investissement, "
                                    "sur la base de l'impact mesuré.</p>",
                                }
                            ],
                        },
                    ],
                },
            ),
            (
                "quote",
                {
                    "text": "Un service public se construit avec celles et ceux qui l'utilisent.",
                    "author": "L'équipe Fabrique",
                    "source": "",
                },
            ),
        ),
    ),
    (
        "investigation",
        "methode",
        "🔍",
        "Investigation",
        "Six mois au plus pour vérifier que le problème existe, qu'il est important, et qu'on peut agir.",
        ["investigation"],
        ["intrapreneur", "coach"],
        lambda slug: body(
            slug,
            p(
                "<p>L'investigation se mène <mark>sur le terrain</mark>, "
                "au contact des agents et des usagers.</p>"
            ),
            callout("info", "Un coach accompagne l'intrapreneur dès la première semaine.", "À savoir"),
            h("Première semaine"),
            (
                "checklist",
                {
                    "title": "Avant de commencer",
                    "items": [
                        {"text": "Rencontrer le sponsor", "details": "", "checked": False},
                        {"text": "Lister dix usagers à interroger", "details": "", "checked": False},
                        {
                            "text": "Ouvrir un canal d'équipe",
                            "details": "<p>Un canal public, pour que la communauté puisse aider.</p>",
                            "checked": True,
                        },
                    ],
                },
            ),
            h("Les entretiens", "h3"),
            (
                "table",
                {
                    "caption": "Rythme conseillé",
                    "columns": [
                        {"type": "text", "heading": "Semaine"},
                        {"type": "text", "heading": "Objectif"},
                    ],
                    "rows": [
                        {"values": ["<p>1 à 2</p>", "<p>Dix entretiens exploratoires</p>"]},
                        {"values": ["<p>3 à 6</p>", "<p>Observer le travail réel</p>"]},
                    ],
                },
            ),
            callout("warning", "Ne proposez pas de solution pendant les entretiens : écoutez."),
        ),
    ),
    (
        "comite-investissement",
        "investigation",
        "🗳️",
        "Préparer le comité d'investissement",
        "Le rendez-vous qui décide de passer en construction : ce qu'on y montre, comment s'y préparer.",
        ["investigation"],
        ["intrapreneur", "coach"],
        lambda slug: body(
            slug,
            h("Les étapes"),
            (
                "steps",
                {
                    "title": "",
                    "steps": [
                        {
                            "title": "Rassembler les preuves",
                            "body": [
                                {"type": "paragraph", "value": "<p>Verbatims, chiffres, observations.</p>"}
                            ],
                        },
                        {
                            "title": "Écrire la fiche produit",
                            "body": [
                                {"type": "paragraph", "value": "<p>Problème, usagers, impact visé.</p>"}
                            ],
                        },
                        {
                            "title": "Répéter la présentation",
                            "body": [
                                {"type": "paragraph", "value": "<p>Dix minutes, puis les questions.</p>"}
                            ],
                        },
                    ],
                },
            ),
            h("Selon votre rôle"),
            (
                "tabs",
                {
                    "tabs": [
                        {
                            "title": "Intrapreneur·e",
                            "body": [
                                {
                                    "type": "paragraph",
                                    "value": "<p>Vous portez le problème et la décision.</p>",
                                }
                            ],
                        },
                        {
                            "title": "Coach",
                            "body": [
                                {
                                    "type": "paragraph",
                                    "value": "<p>Vous aidez à dire ce qui a été appris.</p>",
                                }
                            ],
                        },
                    ]
                },
            ),
            (
                "figure",
                {
                    "image": None,
                    "image_url": PICTOGRAM,
                    "alt": "Une pièce et un billet",
                    "caption": "Le budget suit",
                },
            ),
            (
                "embed",
                {
                    "url": "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
                    "title": "Présentation",
                    "caption": "",
                },
            ),
            (
                "document",
                {
                    "document": None,
                    "url": "/static/dsfr/dist/favicon/favicon.svg",
                    "title": "Modèle de fiche produit",
                    "description": "à adapter",
                },
            ),
            callout("success", "Un comité bien préparé dure moins d'une heure."),
            callout("danger", "Ne présentez jamais de chiffres que vous ne savez pas expliquer."),
            (
                "related_pages",
                {
                    "title": "Pour aller plus loin",
                    "links": [
                        {"page": None, "url": "/guides/methode/construction/", "title": "La construction"}
                    ],
                },
            ),
        ),
    ),
    (
        "construction",
        "methode",
        "🏗️",
        "Construction",
        "Livrer vite un premier service, le mettre entre les mains des usagers et mesurer son impact.",
        ["construction"],
        ["developpeur", "designer"],
        lambda slug: body(
            slug,
            h("Livrer en continu"),
            p("<p>Chaque semaine, l'équipe montre ce qui a changé pour les usagers.</p>"),
        ),
    ),
]


# An incubator's variant of a shared page: only what differs (« Version Fabrique des territoires »).
VARIANT = {
    "guide": "comite-investissement",
    "incubator": "fabrique-des-territoires",  # the startups demo's incubator (loaded before the guides)
    "title": "Version Fabrique des territoires",
    "slug": "version-fabrique-des-territoires",
    "intro": "Le comité d'investissement tel qu'il se tient à la Fabrique des territoires.",
    "contact": "https://fabrique-des-territoires.example.org/contact",
}


def variant_body(slug):
    return body(
        slug,
        p(
            "<p>À la Fabrique des territoires, le comité se réunit <b>chaque trimestre</b> avec les "
            "élus des collectivités partenaires : l'équipe présente ses preuves en dix minutes, puis "
            "répond aux questions.</p>"
        ),
        h("Ce qui change ici"),
        p(
            "<p>Le dossier est envoyé deux semaines avant la séance au secrétariat de l'incubateur, "
            "et une collectivité au moins témoigne de l'usage du service.</p>"
        ),
        callout("info", "Le reste de la préparation suit la version commune de cette page."),
    )


def load_variant(pages, coach, log):
    incubators = GuideVariantPage._meta.get_field("incubator").related_model.objects
    incubator = incubators.filter(slug=VARIANT["incubator"]).first()
    guide = pages.get(VARIANT["guide"])
    if incubator is None or guide is None:
        log("Pas d'incubateur de démonstration : variante de guide ignorée.")
        return
    fields = {
        "title": VARIANT["title"],
        "slug": VARIANT["slug"],
        "intro": VARIANT["intro"],
        "search_description": VARIANT["intro"],
        "body": variant_body(VARIANT["slug"]),
        "incubator_id": incubator.pk,
        "coach_id": coach.pk,
        "contact": VARIANT["contact"],
    }
    key = f"demo:{VARIANT['slug']}"
    _, outcome = upsert_page(GuideVariantPage, guide, key, fields, publish=True)
    if outcome != "unchanged":
        log(f"Variante « {VARIANT['title']} » : {outcome}")


def demo_coach():
    coach, created = get_user_model().objects.get_or_create(
        username="coach.demo",
        defaults={"first_name": "Camille", "last_name": "Coach", "email": "coach@example.org"},
    )
    if created:
        coach.set_unusable_password()
        coach.save()
        coach.groups.add(Group.objects.get(name=COACHS))
    return coach


def load(home, log):
    index = GuideIndexPage.objects.descendant_of(home).first()
    if index is None:
        log("Pas d'accueil des guides : guides de démonstration ignorés.")
        return
    coach = demo_coach()
    pages = {}
    for slug, parent_slug, icon, title, intro, phases, roles, make_body in PAGES:
        parent = pages[parent_slug] if parent_slug else index
        fields = {
            "title": title,
            "slug": slug,
            "icon": icon,
            "intro": intro,
            "search_description": intro,
            "body": make_body(slug),
            "coach_id": coach.pk,
            "last_reviewed_at": REVIEWED,
            "review_interval_days": 365,
        }
        relations = {
            "phases": list(Phase.objects.filter(slug__in=phases)),
            "roles": list(Role.objects.filter(slug__in=roles)),
        }
        page, outcome = upsert_page(
            GuidePage, parent, f"demo:{slug}", fields, publish=True, relations=relations
        )
        pages[slug] = page
        if outcome != "unchanged":
            log(f"Guide « {title} » : {outcome}")
    load_variant(pages, coach, log)
