"""People blocks: whom to turn to and what a role needs (roles, onboarding paths, "Qui contacter")."""

from wagtail import blocks

from .text import RICH_TEXT_FEATURES


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
        template = "blocks/contact.html"


class SkillBlock(blocks.StructBlock):
    """A skill a role needs, with a line on why or how it is used."""

    name = blocks.CharBlock(label="compétence")
    detail = blocks.TextBlock(label="précision", required=False)

    class Meta:
        icon = "tick"
        label = "Compétence"


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
