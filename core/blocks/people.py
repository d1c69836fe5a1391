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
        description = "Une personne, une équipe ou un service à contacter, et pour quoi."
        group = "Personnes"
        preview_value = {
            "name": "Pôle accompagnement de l'incubateur",
            "role": "Coachs",
            "email": "accompagnement@incubateur.example",
            "url": "",
            "description": "Pour préparer un comité ou débloquer une équipe en construction.",
        }


class SkillBlock(blocks.StructBlock):
    """A skill a role needs, with a line on why or how it is used."""

    name = blocks.CharBlock(label="compétence")
    detail = blocks.TextBlock(label="précision", required=False)

    class Meta:
        icon = "tick"
        label = "Compétence"
        description = "Une compétence utile au rôle, avec une phrase sur son usage."
        group = "Personnes"
        # No `template`: the role page lists skills itself; this preview mirrors it.
        preview_template = "blocks/previews/skill.html"
        preview_value = {
            "name": "Conduire des entretiens usagers",
            "detail": "Indispensable en investigation, pour comprendre le problème avant la solution.",
        }


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
        description = "Un sujet de l'annuaire « Qui contacter », avec ses contacts."
        group = "Personnes"
        # No `template`: the contact directory lays topics out itself; this preview mirrors it.
        preview_template = "blocks/previews/contact_category.html"
        preview_value = {
            "kind": "methode",
            "title": "Méthode et accompagnement",
            "text": "<p>Une question sur les phases ou sur le comité d'investissement ? Commencez ici.</p>",
            "contacts": [
                {
                    "name": "Pôle accompagnement de l'incubateur",
                    "role": "Coachs",
                    "email": "accompagnement@incubateur.example",
                    "url": "",
                    "description": "Pour préparer un comité ou débloquer une équipe.",
                },
                {
                    "name": "Communauté des coachs",
                    "role": "Entraide",
                    "email": "",
                    "url": "https://example.org/discussion/coachs",
                    "description": "Pour partager une difficulté avec d'autres coachs.",
                },
            ],
        }
