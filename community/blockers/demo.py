"""Demo blockers and rules, in French: the usual problems of a startup d'État and where to look first."""

from wagtail.models import Page

from core.taxonomy.models import Phase

from .models import Blocker, RecommendationItem, RecommendationRule

BLOCKERS = [
    (
        "financer-la-construction",
        "Financer la construction",
        "Trouver le budget de la phase de construction.",
    ),
    ("recruter-developpeur", "Recruter un·e développeur·se", "Constituer l'équipe technique."),
    (
        "passer-un-marche",
        "Passer un marché",
        "Acheter une prestation dans les règles de la commande publique.",
    ),
    ("heberger", "Héberger le service", "Choisir un hébergement souverain et sécurisé."),
    ("rgpd", "Se conformer au RGPD", "Données personnelles : registre, analyse d'impact, mentions."),
    ("homologation", "Homologuer le service", "Sécurité : analyse de risques et décision d'homologation."),
]
# blocker slug -> (rule name, phase slugs, [(kind, page slug or "", title, url, text)])
RULES = {
    "financer-la-construction": (
        "En construction",
        ["construction"],
        [
            (
                "programme",
                "",
                "Fonds de transformation de l'action publique",
                "https://www.modernisation.gouv.fr/",
                "Appels à projets pour financer la construction de services publics numériques.",
            ),
            (
                "contact",
                "",
                "Le coach de votre incubateur",
                "",
                "Il connaît les financements de votre sponsor.",
            ),
        ],
    ),
    "passer-un-marche": (
        "Toutes phases",
        [],
        [
            ("guide", "passer-un-marche", "", "", "Les marchés subséquents et les seuils à connaître."),
            ("contact", "", "L'acheteur de votre sponsor", "", "Associez-le dès le cahier des charges."),
        ],
    ),
}


def load(home, log):
    blockers = {}
    for order, (slug, name, description) in enumerate(BLOCKERS, start=1):
        blockers[slug], _ = Blocker.objects.get_or_create(
            slug=slug, defaults={"name": name, "description": description, "order": order}
        )
    created = 0
    for slug, (name, phase_slugs, items) in RULES.items():
        if RecommendationRule.objects.filter(blocker=blockers[slug], name=name).exists():
            continue
        rule = RecommendationRule(blocker=blockers[slug], name=name)
        rule.items = [
            RecommendationItem(
                kind=kind,
                page=Page.objects.filter(slug=page_slug).first() if page_slug else None,
                title=title,
                url=url,
                text=text,
                sort_order=position,
            )
            for position, (kind, page_slug, title, url, text) in enumerate(items)
        ]
        rule.save()
        rule.phases.set(Phase.objects.filter(slug__in=phase_slugs))
        rule.save()
        created += 1
    if created:
        log(f"Blocages : {created} règle(s) de recommandation créée(s).")
