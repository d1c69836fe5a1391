"""StreamField blocks of the roles, onboarding paths and "Qui contacter" pages.

Kept apart from a future `community/blocks.py` so that parallel branches do not collide.
"""

from django.forms.utils import ErrorList

from wagtail import blocks

from home.blocks import RICH_TEXT_FEATURES

SHORT_TEXT_FEATURES = ["bold", "italic", "ul", "ol", "link"]


class ContactBlock(blocks.StructBlock):
    """Someone to turn to: a person, a team or a service, with a way to reach them."""

    name = blocks.CharBlock(label="nom", help_text="Une personne, une équipe ou un service.")
    role = blocks.CharBlock(label="fonction", required=False)
    email = blocks.EmailBlock(label="adresse électronique", required=False)
    url = blocks.URLBlock(label="ou lien", required=False, help_text="Canal de discussion, formulaire…")
    description = blocks.TextBlock(label="pour quoi s'adresser à lui ou elle", required=False)

    class Meta:
        icon = "user"
        label = "Contact"
        template = "community/contact_block.html"


class SkillBlock(blocks.StructBlock):
    """A skill a role needs, with a line on why or how it is used."""

    name = blocks.CharBlock(label="compétence")
    detail = blocks.TextBlock(label="précision", required=False)

    class Meta:
        icon = "tick"
        label = "Compétence"


class StepLinkBlock(blocks.StructBlock):
    """A link from an onboarding step: a guide or resource of the site, or an external tool."""

    page = blocks.PageChooserBlock(label="page du site (guide, ressource…)", required=False)
    url = blocks.URLBlock(label="ou outil externe", required=False)
    label = blocks.CharBlock(
        label="libellé",
        required=False,
        help_text="Obligatoire pour un lien externe ; sinon le titre de la page.",
    )

    class Meta:
        icon = "link"
        label = "Lien"

    def clean(self, value):
        value = super().clean(value)
        errors = {}
        if not value.get("page") and not value.get("url"):
            errors["page"] = ErrorList(["Choisissez une page du site ou indiquez un lien externe."])
        if value.get("url") and not value.get("page") and not value.get("label"):
            errors["label"] = ErrorList(["Donnez un libellé au lien externe."])
        if errors:
            raise blocks.StructBlockValidationError(block_errors=errors)
        return value


CONTACT_CATEGORY_KINDS = [
    ("comptes", "Comptes et outils"),
    ("methode", "Méthode et accompagnement"),
    ("bien-etre", "Bien-être et conflits au travail"),
    ("depart", "Quitter une mission"),
    ("autre", "Autre"),
]


class ContactCategoryBlock(blocks.StructBlock):
    """One "who helps with what" topic of the contact directory, with its contacts."""

    kind = blocks.ChoiceBlock(choices=CONTACT_CATEGORY_KINDS, label="sujet", default="autre")
    title = blocks.CharBlock(label="titre")
    text = blocks.RichTextBlock(label="explication", features=RICH_TEXT_FEATURES, required=False)
    contacts = blocks.ListBlock(ContactBlock(), label="contacts", min_num=0)

    class Meta:
        icon = "group"
        label = "Sujet"
