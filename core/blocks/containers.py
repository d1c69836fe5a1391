"""Container blocks: steps, accordions and tabs (DSFR « étapes », « accordéon », « onglets »),
and what they may hold."""

from wagtail import blocks

from .data import TableBlock
from .highlight import CalloutBlock
from .media import DocumentBlock, EmbedBlock, FigureBlock
from .method import ChecklistBlock
from .navigation import CardsBlock, RelatedPagesBlock
from .text import ParagraphBlock, QuoteBlock

INNER_BLOCKS = [
    ("paragraph", ParagraphBlock()),
    ("callout", CalloutBlock()),
    ("quote", QuoteBlock()),
    ("cards", CardsBlock()),
    ("related_pages", RelatedPagesBlock()),
    ("checklist", ChecklistBlock()),
    ("figure", FigureBlock()),
    ("table", TableBlock()),
    ("embed", EmbedBlock()),
    ("document", DocumentBlock()),
]
"""Blocks allowed inside a container (accordion item, step): containers do not nest, but for one case."""


def _paragraph(text):
    """The raw body of a container holding one paragraph, for preview values."""
    return [{"type": "paragraph", "value": text}]


class StepBlock(blocks.StructBlock):
    """One step of a procedure: what to do, in order."""

    title = blocks.CharBlock(label="titre de l'étape")
    body = blocks.StreamBlock(INNER_BLOCKS, label="contenu", required=False)

    class Meta:
        icon = "arrow-right"
        label = "Étape"


class StepsBlock(blocks.StructBlock):
    """An ordered procedure (GitBook "stepper"): numbered steps read in sequence."""

    title = blocks.CharBlock(label="titre", required=False)
    steps = blocks.ListBlock(StepBlock(), label="étapes", min_num=1)

    class Meta:
        icon = "list-ol"
        label = "Étapes"
        template = "blocks/steps.html"
        description = "Une procédure en étapes numérotées."
        group = "Conteneurs"
        preview_value = {
            "title": "Passer le comité d'investissement",
            "steps": [
                {
                    "title": "Rassembler les preuves",
                    "body": _paragraph(
                        "<p>Entretiens, chiffres du terrain et premiers usages du prototype.</p>"
                    ),
                },
                {
                    "title": "Répéter avec son coach",
                    "body": _paragraph("<p>Dix minutes de présentation, autant de questions.</p>"),
                },
            ],
        }


class AccordionItemBlock(blocks.StructBlock):
    """A question and its answer, folded until the reader opens it."""

    title = blocks.CharBlock(label="question ou titre")
    body = blocks.StreamBlock(INNER_BLOCKS, label="réponse")

    class Meta:
        icon = "help"
        label = "Élément"


class AccordionBlock(blocks.StructBlock):
    """Questions and answers (FAQ, GitBook `<details>`), as a DSFR accordion group."""

    title = blocks.CharBlock(label="titre", required=False)
    items = blocks.ListBlock(AccordionItemBlock(), label="éléments", min_num=1)

    class Meta:
        icon = "list-ul"
        label = "Accordéon (FAQ)"
        template = "blocks/accordion.html"
        description = "Des questions-réponses repliables."
        group = "Conteneurs"
        preview_value = {
            "title": "Questions fréquentes sur l'investigation",
            "items": [
                {
                    "title": "Combien de temps dure l'investigation ?",
                    "body": _paragraph("<p>Six mois au plus, souvent moins : elle s'arrête au comité.</p>"),
                },
                {
                    "title": "Faut-il déjà coder pendant l'investigation ?",
                    "body": _paragraph("<p>Non : un prototype jetable suffit pour tester l'idée.</p>"),
                },
            ],
        }


TAB_BLOCKS = [*INNER_BLOCKS, ("accordion", AccordionBlock())]
"""Blocks allowed in a tab: those of any container, plus an accordion. GitBook guides fold details
(`<details>`) inside tabs, one set per role; flattened, the panel lost what was meant to stay folded.
The nesting stops there (an accordion holds no accordion, a tab no tabs): DSFR nests no deeper."""


class TabBlock(blocks.StructBlock):
    """One tab: a label and its content."""

    title = blocks.CharBlock(label="onglet")
    body = blocks.StreamBlock(TAB_BLOCKS, label="contenu")

    class Meta:
        icon = "folder-open-1"
        label = "Onglet"


class TabsBlock(blocks.StructBlock):
    """Alternatives shown side by side (GitBook "tabs"), e.g. the same task per role."""

    tabs = blocks.ListBlock(TabBlock(), label="onglets", min_num=1)

    class Meta:
        icon = "folder-open-inverse"
        label = "Onglets"
        template = "blocks/tabs.html"
        description = "Des contenus alternatifs présentés en onglets."
        group = "Conteneurs"
        preview_value = {
            "tabs": [
                {
                    "title": "Intrapreneur ou intrapreneure",
                    "body": _paragraph(
                        "<p>Vous portez le problème et défendez le service devant le comité.</p>"
                    ),
                },
                {
                    "title": "Coach",
                    "body": _paragraph("<p>Vous aidez l'équipe à prioriser et à mesurer son impact.</p>"),
                },
            ]
        }
