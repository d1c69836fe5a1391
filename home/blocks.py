"""StreamField blocks shared by every content page, grouped by DSFR component family.

Families: text (paragraph, heading, quote), highlight (callout), navigation (cards, related pages),
method (steps, checklist), media (figure, video/embed, document), data (table), disclosure
(accordion, tabs). `BODY_BLOCKS` is the list other page types reuse; `INNER_BLOCKS` is what may sit
inside a container (a tab, an accordion item, a step), so containers never nest in themselves.
"""

import re
from urllib.parse import parse_qs, urlparse

from django.core.exceptions import ValidationError
from django.utils.text import slugify

from wagtail import blocks
from wagtail.contrib.typed_table_block.blocks import TypedTableBlock
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock

RICH_TEXT_FEATURES = ["h2", "h3", "h4", "bold", "italic", "mark", "ol", "ul", "link", "document-link"]
"""Features of every rich text field; `mark` (highlight) is registered in `home/wagtail_hooks.py`."""

CELL_FEATURES = ["bold", "italic", "mark", "link", "ul", "ol"]


# --- Text ------------------------------------------------------------------------------------


class ParagraphBlock(blocks.RichTextBlock):
    """Running text: the editor's everyday block."""

    def __init__(self, **kwargs):
        kwargs.setdefault("features", RICH_TEXT_FEATURES)
        super().__init__(**kwargs)

    class Meta:
        icon = "pilcrow"
        label = "Texte"
        template = "blocks/paragraph.html"
        description = "Du texte mis en forme : paragraphes, listes, liens, mise en évidence."


class HeadingValue(blocks.StructValue):
    """Gives the heading a stable anchor, used by the table of contents and by old GitBook links."""

    # Not named `anchor`: templates look up dict keys before attributes.
    @property
    def anchor_id(self):
        return self.get("anchor") or slugify(self.get("text", "")) or "section"


class HeadingBlock(blocks.StructBlock):
    """A section title that also feeds the page's table of contents."""

    text = blocks.CharBlock(label="titre")
    level = blocks.ChoiceBlock(
        choices=[("h2", "Niveau 2"), ("h3", "Niveau 3"), ("h4", "Niveau 4")], default="h2", label="niveau"
    )
    anchor = blocks.CharBlock(
        label="ancre",
        required=False,
        help_text="Identifiant de la section dans l'adresse (#…). Laisser vide pour le déduire du titre.",
    )

    class Meta:
        icon = "title"
        label = "Titre de section"
        template = "blocks/heading.html"
        value_class = HeadingValue
        description = "Un titre de section, repris dans le sommaire de la page."
        preview_value = {"text": "Préparer le comité d'investissement", "level": "h2"}


class QuoteBlock(blocks.StructBlock):
    """A testimony or a quoted principle, set apart as a DSFR quote."""

    text = blocks.TextBlock(label="citation")
    author = blocks.CharBlock(label="auteur ou autrice", required=False)
    source = blocks.CharBlock(label="source", required=False)

    class Meta:
        icon = "openquote"
        label = "Citation"
        template = "blocks/quote.html"
        description = "Une citation mise en valeur (composant « citation » du DSFR)."
        preview_value = {
            "text": "On ne construit pas un service public sans ses usagers.",
            "author": "Une coach",
        }


# --- Highlight ---------------------------------------------------------------------------------

CALLOUT_STYLES = {
    # style: (label, DSFR accent modifier, DSFR icon, text read by screen readers)
    "info": ("Information", "", "fr-icon-information-line", "Information"),
    "success": ("Bonne pratique", "fr-callout--green-emeraude", "fr-icon-success-line", "Bonne pratique"),
    "warning": ("Attention", "fr-callout--orange-terre-battue", "fr-icon-warning-line", "Attention"),
    "danger": ("Danger", "fr-callout--pink-tuile", "fr-icon-error-warning-line", "Danger"),
}


class CalloutValue(blocks.StructValue):
    """Maps the GitBook hint style onto DSFR accent colour, icon and a spoken label."""

    def _style(self):
        return CALLOUT_STYLES.get(self.get("style"), CALLOUT_STYLES["info"])

    @property
    def css_class(self):
        _, accent, icon, _ = self._style()
        return " ".join(part for part in ("fr-callout", accent, icon) if part)

    @property
    def spoken_label(self):
        return self._style()[3]


class CalloutBlock(blocks.StructBlock):
    """A highlighted note (GitBook "hint"): information, good practice, warning or danger."""

    style = blocks.ChoiceBlock(
        choices=[(key, value[0]) for key, value in CALLOUT_STYLES.items()], default="info", label="type"
    )
    title = blocks.CharBlock(label="titre", required=False)
    text = ParagraphBlock(label="texte")

    class Meta:
        icon = "warning"
        label = "Mise en avant"
        template = "blocks/callout.html"
        value_class = CalloutValue
        description = "Un encadré d'information, de bonne pratique, d'avertissement ou de danger."


# --- Navigation --------------------------------------------------------------------------------

SAFE_SCHEMES = ("http", "https", "mailto", "tel")


def safe_url(url: str) -> str:
    """The address if a browser would follow it as a link, '' for `javascript:`, `data:` and the like.

    Block values normally come through the admin's URL validation, but importers write them
    directly: rendering is the last place where a `javascript:` address can be stopped.
    """
    url = (url or "").strip()
    # Browsers ignore tabs, newlines and control characters inside a scheme ("jav\tascript:").
    compact = "".join(character for character in url if ord(character) > 0x20).lower()
    scheme = re.match(r"^([a-z][a-z0-9+.-]*):", compact)
    if scheme and scheme.group(1) not in SAFE_SCHEMES:
        return ""
    return url


class LinkValue(blocks.StructValue):
    """One address for a link that may point to a page of the site or elsewhere."""

    @property
    def href(self):
        page = self.get("page")
        if page is not None:
            return page.url
        return safe_url(self.get("url"))

    @property
    def is_external(self):
        return self.get("page") is None and self.href.startswith("http")

    @property
    def display_title(self):
        page = self.get("page")
        return self.get("title") or (page.title if page is not None else "") or self.href


class CardBlock(blocks.StructBlock):
    """One card of a grid: a title, a short text, an optional image and a link."""

    title = blocks.CharBlock(label="titre")
    text = blocks.RichTextBlock(label="texte", required=False, features=CELL_FEATURES)
    image = ImageChooserBlock(label="image", required=False)
    image_url = blocks.CharBlock(label="ou adresse d'une image", required=False)
    page = blocks.PageChooserBlock(label="page liée", required=False)
    url = blocks.CharBlock(label="ou adresse", required=False)

    class Meta:
        icon = "doc-full"
        label = "Carte"
        value_class = LinkValue


class CardsBlock(blocks.StructBlock):
    """A grid of cards (GitBook "cards" tables): several doors side by side."""

    title = blocks.CharBlock(label="titre de la grille", required=False)
    cards = blocks.ListBlock(CardBlock(), label="cartes", min_num=1)

    class Meta:
        icon = "table"
        label = "Grille de cartes"
        template = "blocks/cards.html"
        description = "Des cartes côte à côte : titre, texte, image facultative, lien."


class RelatedLinkBlock(blocks.StructBlock):
    """A page of the site (or an address) recommended as further reading."""

    page = blocks.PageChooserBlock(label="page", required=False)
    url = blocks.CharBlock(label="ou adresse", required=False)
    title = blocks.CharBlock(label="titre affiché", required=False)

    class Meta:
        icon = "link"
        label = "Lien"
        value_class = LinkValue

    def clean(self, value):
        value = super().clean(value)
        if value.get("page") is None and not value.get("url"):
            raise blocks.StructBlockValidationError(
                {"page": ValidationError("Choisissez une page ou une adresse.")}
            )
        return value


class RelatedPagesBlock(blocks.StructBlock):
    """Further reading (GitBook "content-ref"): pages to read next, shown as tiles."""

    title = blocks.CharBlock(label="titre", required=False, default="Pour aller plus loin")
    links = blocks.ListBlock(RelatedLinkBlock(), label="pages", min_num=1)

    class Meta:
        icon = "doc-full-inverse"
        label = "Pages liées"
        template = "blocks/related_pages.html"
        description = "Des pages du site à lire ensuite."


# --- Method ------------------------------------------------------------------------------------


class ChecklistItemBlock(blocks.StructBlock):
    """One thing to do, possibly already done in the source (`- [x]`)."""

    text = blocks.CharBlock(label="tâche")
    details = blocks.RichTextBlock(
        label="précisions", required=False, features=CELL_FEATURES, help_text="Liens, sous-étapes…"
    )
    checked = blocks.BooleanBlock(label="cochée par défaut", required=False)

    class Meta:
        icon = "tick"
        label = "Tâche"


class ChecklistBlock(blocks.StructBlock):
    """A list of tasks the reader can tick (GitBook task lists), e.g. a newcomer's first week."""

    title = blocks.CharBlock(label="titre", required=False)
    items = blocks.ListBlock(ChecklistItemBlock(), label="tâches", min_num=1)

    class Meta:
        icon = "tasks"
        label = "Liste de contrôle"
        template = "blocks/checklist.html"
        description = "Des cases à cocher pour le lecteur : rien n'est enregistré."


# --- Media -------------------------------------------------------------------------------------


class FigureValue(blocks.StructValue):
    """Where the image comes from: the image library, or a remote address kept as is."""

    @property
    def src(self):
        image = self.get("image")
        if image is not None:
            return image.get_rendition("max-1200x900").url
        return self.get("image_url") or ""

    @property
    def is_displayable(self):
        src = self.src
        return src.startswith(("http://", "https://", "/"))


class FigureBlock(blocks.StructBlock):
    """An illustration with its caption; alternative text is mandatory for accessibility."""

    image = ImageChooserBlock(label="image", required=False)
    image_url = blocks.CharBlock(
        label="ou adresse d'une image distante",
        required=False,
        help_text="L'image n'est pas téléchargée : l'adresse est gardée telle quelle.",
    )
    alt = blocks.CharBlock(
        label="texte alternatif", help_text="Décrit l'image pour qui ne la voit pas (obligatoire)."
    )
    caption = blocks.CharBlock(label="légende", required=False)

    class Meta:
        icon = "image"
        label = "Figure"
        template = "blocks/figure.html"
        value_class = FigureValue
        description = "Une image (bibliothèque ou adresse distante), sa légende et son texte alternatif."

    def clean(self, value):
        value = super().clean(value)
        if value.get("image") is None and not value.get("image_url"):
            raise blocks.StructBlockValidationError(
                {"image": ValidationError("Choisissez une image ou indiquez son adresse.")}
            )
        return value


VIDEO_HOSTS = {
    "www.youtube.com": "youtube",
    "youtube.com": "youtube",
    "youtu.be": "youtube",
    "vimeo.com": "vimeo",
    "player.vimeo.com": "vimeo",
}


def video_player_url(url: str) -> str:
    """The player address of a YouTube or Vimeo video, '' for anything else (shown as a link)."""
    parsed = urlparse(url or "")
    host = VIDEO_HOSTS.get(parsed.netloc.lower())
    if host == "youtube":
        video = (
            parsed.path.strip("/")
            if parsed.netloc == "youtu.be"
            else parse_qs(parsed.query).get("v", [""])[0]
        )
        if not video and parsed.path.startswith("/embed/"):
            video = parsed.path.split("/")[2]
        return f"https://www.youtube-nocookie.com/embed/{video}" if re.fullmatch(r"[\w-]+", video) else ""
    if host == "vimeo":
        video = parsed.path.strip("/").split("/")[-1]
        return f"https://player.vimeo.com/video/{video}" if video.isdigit() else ""
    return ""


class EmbedValue(blocks.StructValue):
    @property
    def player_url(self):
        return video_player_url(self.get("url"))

    @property
    def link_url(self):
        return safe_url(self.get("url"))


class EmbedBlock(blocks.StructBlock):
    """A video or external content (GitBook "embed"); no call to a third party when rendering."""

    url = blocks.URLBlock(label="adresse")
    title = blocks.CharBlock(label="titre", required=False)
    caption = blocks.CharBlock(label="légende", required=False)

    class Meta:
        icon = "media"
        label = "Vidéo ou contenu externe"
        template = "blocks/embed.html"
        value_class = EmbedValue
        description = "Une vidéo YouTube ou Vimeo intégrée, sinon un lien vers le contenu externe."


class DocumentValue(blocks.StructValue):
    @property
    def href(self):
        document = self.get("document")
        return document.url if document is not None else safe_url(self.get("url"))

    @property
    def display_title(self):
        document = self.get("document")
        return self.get("title") or (document.title if document is not None else "") or "Document"

    @property
    def extension(self):
        document = self.get("document")
        name = document.file.name if document is not None else (self.get("url") or "")
        return name.rsplit(".", 1)[-1].upper() if "." in name[-6:] else ""


class DocumentBlock(blocks.StructBlock):
    """A file to download (template, slide deck, report), shown as a DSFR download link."""

    document = DocumentChooserBlock(label="document", required=False)
    url = blocks.CharBlock(label="ou adresse du fichier", required=False)
    title = blocks.CharBlock(label="titre", required=False)
    description = blocks.CharBlock(label="description", required=False)

    class Meta:
        icon = "download"
        label = "Document à télécharger"
        template = "blocks/document.html"
        value_class = DocumentValue
        description = "Un fichier à télécharger (bibliothèque de documents ou adresse)."


# --- Data --------------------------------------------------------------------------------------


class TableBlock(TypedTableBlock):
    """A table whose cells are short rich text (GitBook pipe and HTML tables), shown as a DSFR table."""

    def __init__(self, **kwargs):
        super().__init__(
            [
                ("text", blocks.RichTextBlock(features=CELL_FEATURES, label="texte")),
                ("number", blocks.DecimalBlock(label="nombre")),
            ],
            **kwargs,
        )

    class Meta:
        icon = "table"
        label = "Tableau"
        template = "blocks/table.html"
        description = "Un tableau : colonnes typées, légende."


# --- Containers --------------------------------------------------------------------------------

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
"""Blocks allowed inside a container (tab, accordion item, step)."""


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


class TabBlock(blocks.StructBlock):
    """One tab: a label and its content."""

    title = blocks.CharBlock(label="onglet")
    body = blocks.StreamBlock(INNER_BLOCKS, label="contenu")

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


# --- Home page ---------------------------------------------------------------------------------


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
    ("callout", CalloutBlock()),
    ("quote", QuoteBlock()),
    ("cards", CardsBlock()),
    ("related_pages", RelatedPagesBlock()),
    ("steps", StepsBlock()),
    ("checklist", ChecklistBlock()),
    ("figure", FigureBlock()),
    ("table", TableBlock()),
    ("accordion", AccordionBlock()),
    ("tabs", TabsBlock()),
    ("embed", EmbedBlock()),
    ("document", DocumentBlock()),
]
"""Every block of a content page, in the order of the editor's block menu."""
