"""Demo situations of « Vers qui me tourner ? », written for Fabrique; keyed by slug (idempotent).

Guides and resources are found by the slugs the guides and library demos give them; contacts are
fictional, and the outside numbers that are not national ones are marked « à configurer ».
"""

from wagtail.models import Page

from community.startups.models import IncubatorPage

from .models import HelpContact, HelpNumber, HelpResource, HelpSituation

MATTERMOST = "https://mattermost.example.org/communaute/channels/"
ANIMATION = ("Équipe d'animation de la communauté", "Répond sous deux jours ouvrés", "communaute@example.org")

SUICIDE_PREVENTION = ("Numéro national de prévention du suicide", "3114", "Gratuit, 24 h/24, 7 j/7.", False)
LISTENING_CELL = (
    "Cellule d'écoute du ministère",
    "01 00 00 00 00",
    "Psychologues indépendants, confidentiel.",
    True,
)
VIOLENCE_WOMEN = ("Violences Femmes Info", "3919", "Gratuit et anonyme, 24 h/24, 7 j/7.", False)
REPORTING_CELL = (
    "Cellule de signalement des violences et du harcèlement",
    "signalement@example.org",
    "Dispositif obligatoire de chaque employeur public : à remplacer par le vôtre.",
    True,
)

# slug, title, description, confidential, channel, numbers, page slugs, local contact for an incubator
SITUATIONS = [
    (
        "acces-et-comptes",
        "Accès et comptes",
        "Un compte bloqué, un outil auquel vous n'avez pas accès, une adresse à créer à votre arrivée.",
        False,
        ("Canal Mattermost ~support-outils", MATTERMOST + "support-outils"),
        [],
        ["kit-accueil-arrivee"],
        True,
    ),
    (
        "conflit-equipe",
        "Conflit dans l'équipe",
        "Un désaccord qui s'installe avec l'intrapreneur·e, le sponsor ou un membre de l'équipe.",
        False,
        ("Votre coach, en tête-à-tête", ""),
        [],
        ["methode"],
        True,
    ),
    (
        "epuisement",
        "Épuisement",
        "Fatigue qui ne passe pas, perte de sens, envie de tout arrêter : vous n'êtes pas seul·e.",
        True,
        ("Médecine du travail de votre employeur", ""),
        [SUICIDE_PREVENTION, LISTENING_CELL],
        [],
        False,
    ),
    (
        "violence-harcelement",
        "Violence ou harcèlement",
        "Propos ou gestes déplacés, pression répétée, discrimination : vous pouvez être aidé·e et protégé·e.",
        True,
        ("Référent·e harcèlement de votre employeur", ""),
        [VIOLENCE_WOMEN, REPORTING_CELL, SUICIDE_PREVENTION],
        [],
        False,
    ),
    (
        "je-pars",
        "Je pars",
        "Fin de mission, changement d'équipe : passer le relais, rendre les accès, partir en bons termes.",
        False,
        ("Canal Mattermost ~communaute", MATTERMOST + "communaute"),
        [],
        ["checklist-transfert"],
        False,
    ),
    (
        "preparer-comite",
        "Préparer un comité",
        "Comité d'investissement à venir : ce qu'on attend de vous, les indicateurs, la présentation.",
        False,
        ("Canal Mattermost ~comites", MATTERMOST + "comites"),
        [],
        ["comite-investissement", "video-comite-investissement", "indicateurs-impact"],
        True,
    ),
    (
        "recruter",
        "Recruter",
        "Ouvrir un poste, rédiger la fiche, choisir entre agent public, indépendant et prestataire.",
        False,
        ("Canal Mattermost ~recrutement", MATTERMOST + "recrutement"),
        [],
        ["fiche-de-poste-developpeur", "achat-public"],
        False,
    ),
    (
        "financer",
        "Financer",
        "Budget de la prochaine phase, cofinancement, convention avec une collectivité.",
        False,
        ("Canal Mattermost ~financement", MATTERMOST + "financement"),
        [],
        ["budget-financement", "convention-partenariat-collectivite"],
        False,
    ),
]


def _pages_by_slug(slugs) -> dict:
    """The first page (in tree order) with each slug: the guides' and library's demo pages."""
    found = {}
    for page in Page.objects.filter(slug__in=slugs).order_by("path"):
        found.setdefault(page.slug, page)
    return found


def load(home, log):
    wanted = {slug for situation in SITUATIONS for slug in situation[6]}
    pages = _pages_by_slug(wanted)
    incubator = IncubatorPage.objects.live().order_by("path").first()
    created = 0
    for order, (slug, title, description, confidential, channel, numbers, page_slugs, local) in enumerate(
        SITUATIONS, start=1
    ):
        if HelpSituation.objects.filter(slug=slug).exists():
            continue
        situation = HelpSituation.objects.create(
            slug=slug,
            title=title,
            description=description,
            confidential=confidential,
            channel_label=channel[0],
            channel_url=channel[1],
            sort_order=order,
        )
        for position, (label, number, details, to_configure) in enumerate(numbers):
            HelpNumber.objects.create(
                situation=situation,
                label=label,
                number=number,
                details=details,
                to_configure=to_configure,
                sort_order=position,
            )
        for position, page_slug in enumerate(s for s in page_slugs if s in pages):
            HelpResource.objects.create(situation=situation, page=pages[page_slug], sort_order=position)
        name, role, email = ANIMATION
        HelpContact.objects.create(situation=situation, name=name, role=role, email=email, sort_order=0)
        if local and incubator is not None:
            HelpContact.objects.create(
                situation=situation,
                incubator=incubator,
                name=f"Coachs de {incubator.title}",
                role="Vos coachs, au quotidien",
                email="coachs-incubateur@example.org",
                sort_order=1,
            )
        created += 1
    log(f"Vers qui me tourner ? : {created} situation(s) créée(s).")
