"""StreamField blocks shared by every content page, grouped by DSFR component family."""

from wagtail import blocks

RICH_TEXT_FEATURES = ["h2", "h3", "h4", "bold", "italic", "ol", "ul", "link", "document-link"]


class ParagraphBlock(blocks.RichTextBlock):
    """Running text: the editor's everyday block."""

    def __init__(self, **kwargs):
        kwargs.setdefault("features", RICH_TEXT_FEATURES)
        super().__init__(**kwargs)

    class Meta:
        icon = "pilcrow"
        label = "Texte"
        template = "blocks/paragraph.html"


class HeadingBlock(blocks.StructBlock):
    """A section title that also feeds the page's table of contents."""

    text = blocks.CharBlock(label="titre")
    level = blocks.ChoiceBlock(choices=[("h2", "Niveau 2"), ("h3", "Niveau 3")], default="h2", label="niveau")

    class Meta:
        icon = "title"
        label = "Titre de section"
        template = "blocks/heading.html"


class EntryPointBlock(blocks.StructBlock):
    """A door into the site for one audience (newcomer, searcher, contributor) on the home page."""

    title = blocks.CharBlock(label="titre")
    text = blocks.TextBlock(label="texte", required=False)
    page = blocks.PageChooserBlock(label="page de destination", required=False)
    url = blocks.CharBlock(label="ou adresse", required=False, help_text="Ex. : /recherche/")
    icon = blocks.CharBlock(label="icône DSFR", required=False, help_text="Ex. : fr-icon-map-pin-2-line")

    class Meta:
        icon = "link"
        label = "Point d'entrée"
        template = "blocks/entry_point.html"


BODY_BLOCKS = [
    ("paragraph", ParagraphBlock()),
    ("heading", HeadingBlock()),
]
