"""What makes an account a member, and how members are listed and edited.

Used by the account adapters (email sign-up, later the State SSO), the member views and the demo.
"""

import json
from collections import Counter

from django import forms
from django.contrib.auth.models import Group
from django.db import transaction
from django.db.models import Q
from django.utils.text import slugify

from community.models import IncubatorPage, Member
from home.facets import Facet, FacetedListing, Sort
from home.models import Role

MEMBERS_GROUP = "Membres"
MAX_COMPETENCES = 15
MAX_COMPETENCE_LENGTH = 60


def unique_member_slug(full_name: str, exclude_pk=None) -> str:
    base = slugify(full_name)[:140] or "membre"
    slug, suffix = base, 2
    others = Member.objects.exclude(pk=exclude_pk) if exclude_pk else Member.objects.all()
    while others.filter(slug=slug).exists():
        slug, suffix = f"{base}-{suffix}", suffix + 1
    return slug


def display_name(user) -> str:
    return user.get_full_name().strip() or user.email.partition("@")[0] or user.get_username()


@transaction.atomic
def activate_member(user) -> Member:
    """A verified account joins the "Membres" group and gets its profile (once)."""
    group, _ = Group.objects.get_or_create(name=MEMBERS_GROUP)
    user.groups.add(group)
    member = Member.objects.filter(user=user).first()
    if member is None:
        full_name = display_name(user)
        member = Member.objects.create(user=user, full_name=full_name, slug=unique_member_slug(full_name))
    return member


# --- Directory -------------------------------------------------------------------------------


def competence_condition(value: str) -> Q:
    # `competences` is a JSON list; match the quoted item whatever the backend's text encoding
    # (SQLite keeps \u escapes, PostgreSQL's jsonb prints the characters).
    return Q(competences__icontains=json.dumps(value)) | Q(
        competences__icontains=json.dumps(value, ensure_ascii=False)
    )


def _competence_items(competences) -> list[str]:
    """The non-empty text items of one member's JSON list, stripped."""
    return [item.strip() for item in competences or [] if isinstance(item, str) and item.strip()]


def competence_choices() -> list[tuple[str, str]]:
    seen = {}
    for competences in Member.objects.values_list("competences", flat=True):
        for item in _competence_items(competences):
            seen.setdefault(item.lower(), item)
    return sorted(((value, value) for value in seen.values()), key=lambda choice: choice[1].lower())


class CompetenceFacet(Facet):
    """Competences are items of a JSON list: tallied from one read of the lists, not counted in SQL.

    SQL would scan every member once per competence (one `LIKE` per value: 138 ms at 5,000 members).
    Items match like `competence_condition`: the whole item, in any case.
    """

    def counts(self, queryset, values: list[str]) -> dict[str, int]:
        members = Counter()
        for competences in queryset.values_list("competences", flat=True):
            members.update({item.lower() for item in _competence_items(competences)})
        return {value: members[value.lower()] for value in values}


MENTORING_VALUE = "oui"

DIRECTORY_FACETS = [
    Facet(
        "role",
        "Rôle",
        "roles__slug",
        lambda: list(Role.objects.order_by("order", "name").values_list("slug", "name")),
    ),
    CompetenceFacet(
        "competence", "Compétence", "competences", competence_choices, condition=competence_condition
    ),
    Facet(
        "mentorat",
        "Mentorat",
        "mentoring",
        lambda: [(MENTORING_VALUE, "Disponible pour du mentorat")],
        condition=lambda value: Q(mentoring=True),
    ),
    # A member belongs to the incubators of the startups they have had a mission in.
    Facet(
        "incubateur",
        "Incubateur",
        "missions__startup__incubator__slug",
        lambda: list(IncubatorPage.objects.live().order_by("title").values_list("slug", "title")),
    ),
]
DIRECTORY_SORTS = {
    "nom": Sort("Nom (A → Z)", ("full_name", "pk")),
    "recent": Sort("Arrivée la plus récente", ("-pk",)),
}


def directory_listing(request) -> FacetedListing:
    queryset = Member.objects.prefetch_related("roles")
    return FacetedListing(
        request,
        queryset,
        DIRECTORY_FACETS,
        sorts=DIRECTORY_SORTS,
        text_filter=lambda qs, text: qs.filter(Q(full_name__icontains=text) | Q(bio__icontains=text)),
        per_page=24,
    )


# --- Profile ---------------------------------------------------------------------------------


class ProfileForm(forms.ModelForm):
    """The owner's profile; it has no id field: the view always edits the requester's own profile."""

    competences = forms.CharField(
        label="Compétences",
        required=False,
        max_length=1000,
        help_text=f"Séparées par des virgules, {MAX_COMPETENCES} au plus (ex. : design, droit public, "
        "accessibilité).",
    )
    roles = forms.ModelMultipleChoiceField(
        label="Rôles",
        queryset=Role.objects.order_by("order", "name"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = Member
        fields = ["full_name", "roles", "competences", "bio", "mentoring"]
        labels = {"full_name": "Nom complet", "bio": "Présentation courte"}
        help_texts = {
            "bio": "Quelques phrases : votre parcours, ce sur quoi vous pouvez aider (1 000 caractères "
            "au plus).",
            "mentoring": "Cochez si vous acceptez d'être contacté·e pour accompagner un nouvel arrivant.",
        }
        widgets = {"bio": forms.Textarea(attrs={"rows": 5, "maxlength": 1000})}
        # Startups et incubateur : champs ajoutés ici avec les modèles startups/incubateurs.

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk and not self.is_bound:
            self.initial["competences"] = ", ".join(self.instance.competences or [])
        self.fields["full_name"].max_length = 200

    def clean_bio(self):
        bio = self.cleaned_data["bio"].strip()
        if len(bio) > 1000:
            raise forms.ValidationError("La présentation ne doit pas dépasser 1 000 caractères.")
        return bio

    def clean_competences(self):
        items = [item.strip() for item in self.cleaned_data["competences"].split(",") if item.strip()]
        items = list(dict.fromkeys(items))
        if len(items) > MAX_COMPETENCES:
            raise forms.ValidationError(f"Indiquez {MAX_COMPETENCES} compétences au plus.")
        too_long = [item for item in items if len(item) > MAX_COMPETENCE_LENGTH]
        if too_long:
            raise forms.ValidationError(
                f"Chaque compétence doit tenir en {MAX_COMPETENCE_LENGTH} caractères au plus."
            )
        return items

    def save(self, commit=True):
        member = super().save(commit=False)
        member.competences = self.cleaned_data["competences"]
        if commit:
            member.save()
            member.roles.set(self.cleaned_data["roles"])
            member.save()  # ParentalManyToMany: the relation is written on save
        return member
