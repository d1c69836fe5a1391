"""Demo calls, in French: one open (dated from today, so the banner shows), one closed with a laureate."""

import datetime

from django.utils import timezone

from core.pages import get_or_create_child, get_or_create_section

from .models import CallIndexPage, CallLaureate, CallPage, CallQuestion

ELIGIBILITY = (
    "<p>Tout agent public, titulaire ou contractuel, d'une collectivité ou d'un service de l'État, qui a "
    "repéré un problème concret dans son quotidien et veut consacrer son temps à le résoudre.</p>"
)
OFFER = (
    "<p>Six mois renouvelables d'accompagnement : un coach, un développeur ou une développeuse, un budget "
    "pour tester la solution auprès des usagers, et la communauté de l'incubateur.</p>"
)
HOW_TO_APPLY = (
    "<p>Décrivez le problème, qui le vit et pourquoi vous voulez le porter. Une note ou une "
    "présentation peut être jointe. Vous pouvez enregistrer un brouillon avant d'envoyer.</p>"
)
QUESTIONS = [
    (
        "Faut-il déjà avoir une solution ?",
        "<p>Non : nous cherchons des problèmes bien compris, pas des solutions toutes faites.</p>",
    ),
    (
        "Mon employeur doit-il être d'accord ?",
        "<p>Oui : l'intrapreneur·e consacre au moins la moitié de son temps au projet, avec l'accord de "
        "sa hiérarchie, demandé avant le jury.</p>",
    ),
]


def _incubator(slug):
    return CallPage._meta.get_field("incubator").related_model.objects.filter(slug=slug).first()


def _startup(slug):
    return CallLaureate._meta.get_field("startup").related_model.objects.filter(slug=slug).first()


def load(home, log):
    index, _ = get_or_create_section(
        home,
        CallIndexPage,
        "appels",
        title="Appels à candidatures",
        intro="Les appels des incubateurs du réseau : proposez un problème, devenez intrapreneur·e.",
    )
    incubator = _incubator("fabrique-des-territoires")
    today = timezone.localdate()
    questions = [CallQuestion(question=q, answer=a) for q, a in QUESTIONS]
    _, new = get_or_create_child(
        index,
        CallPage,
        "appel-intrapreneurs-printemps",
        title="Appel à intrapreneurs — session de printemps",
        intro="Agents publics : portez un service numérique pour résoudre un problème de votre quotidien.",
        incubator=incubator,
        eligibility=ELIGIBILITY,
        offer=OFFER,
        how_to_apply=HOW_TO_APPLY,
        opens_on=today - datetime.timedelta(days=10),
        deadline=today + datetime.timedelta(days=20),
        jury_on=today + datetime.timedelta(days=35),
        questions=questions,
    )
    startup = _startup("cantine-locale")
    get_or_create_child(
        index,
        CallPage,
        "appel-intrapreneurs-automne",
        title="Appel à intrapreneurs — session d'automne",
        intro="La session précédente : ses lauréats sont devenus des startups d'État.",
        incubator=incubator,
        eligibility=ELIGIBILITY,
        offer=OFFER,
        opens_on=today - datetime.timedelta(days=200),
        deadline=today - datetime.timedelta(days=160),
        jury_on=today - datetime.timedelta(days=150),
        laureates=[
            CallLaureate(
                name="Des repas locaux dans les cantines",
                summary="Relier les cantines scolaires aux producteurs du territoire.",
                startup=startup,
            )
        ],
    )
    if new:
        log("Appels à candidatures de démonstration créés.")
