"""Media blocks: figures, videos and files to download (DSFR « contenu média » and « téléchargement »)."""

import re
from urllib.parse import parse_qs, urlparse

from django.core.exceptions import ValidationError
from django.templatetags.static import static

from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock

from .navigation import safe_url


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


def figure_preview_value():
    """A DSFR pictogram served by the site itself: no image in the library, no third-party request."""
    return {
        "image": None,
        "image_url": static("dsfr/dist/artwork/pictograms/environment/human-cooperation.svg"),
        "alt": "Deux mains qui se rejoignent : l'équipe et son coach avancent ensemble.",
        "caption": "Le binôme intrapreneur et coach, au cœur de chaque startup d'État.",
    }


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
        group = "Médias"
        # Called when the preview is shown, so the address follows STATIC_URL (staticmethod: Meta
        # is instantiated, and a plain function would become a method of it).
        preview_value = staticmethod(figure_preview_value)

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
        group = "Médias"
        # Not a video: the block picker must not load a third-party player.
        preview_value = {
            "url": "https://example.org/replays/demo-de-fin-d-investigation",
            "title": "Replay : la démo de fin d'investigation",
            "caption": "Vingt minutes pour montrer le problème, les usagers rencontrés et la suite.",
        }


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
        group = "Médias"
        preview_value = {
            "document": None,
            "url": "https://example.org/modeles/bilan-d-investigation.odt",
            "title": "Modèle de bilan d'investigation",
            "description": "À remplir avec votre coach avant le comité",
        }
