"""The forms of groups: creating or editing a group, inviting by email, sharing a resource."""

from django import forms

from core.taxonomy.models import Phase, Role, Thematique

from .models import Group

CHECKBOXES = forms.CheckboxSelectMultiple


class GroupForm(forms.ModelForm):
    """What a member writes to create a group, and its coordinators to edit it."""

    class Meta:
        model = Group
        fields = [
            "name",
            "purpose",
            "kind",
            "visibility",
            "listed",
            "incubator",
            "phases",
            "roles",
            "thematiques",
        ]
        labels = {"name": "Nom du groupe", "purpose": "Raison d'être"}
        widgets = {
            "purpose": forms.Textarea(attrs={"rows": 5}),
            "visibility": forms.RadioSelect,
            "phases": CHECKBOXES,
            "roles": CHECKBOXES,
            "thematiques": CHECKBOXES,
        }
        error_messages = {
            "name": {"required": "Donnez un nom au groupe.", "max_length": "Le nom tient en 120 caractères."},
            "purpose": {"required": "Dites en quelques phrases à quoi sert le groupe et pour qui."},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        incubators = self.fields["incubator"].queryset
        self.fields["incubator"].queryset = incubators.live().order_by("title")
        self.fields["incubator"].empty_label = "Aucun incubateur en particulier"
        self.fields["phases"].queryset = Phase.objects.order_by("order", "name")
        self.fields["roles"].queryset = Role.objects.order_by("order", "name")
        self.fields["thematiques"].queryset = Thematique.objects.order_by("order", "name")

    def clean_name(self):
        name = " ".join(self.cleaned_data["name"].split())
        if len(name) < 3:
            raise forms.ValidationError("Le nom du groupe compte au moins trois caractères.")
        others = Group.objects.filter(name__iexact=name)
        if self.instance.pk:
            others = others.exclude(pk=self.instance.pk)
        if others.exists():
            raise forms.ValidationError(
                "Un groupe porte déjà ce nom : choisissez-en un autre ou rejoignez-le."
            )
        return name

    def clean_purpose(self):
        purpose = self.cleaned_data["purpose"].strip()
        if len(purpose) < 20:
            raise forms.ValidationError("Décrivez la raison d'être du groupe en au moins vingt caractères.")
        return purpose


class InvitationForm(forms.Form):
    email = forms.EmailField(
        label="Adresse électronique de la personne à inviter",
        max_length=254,
        error_messages={
            "required": "Indiquez l'adresse électronique de la personne à inviter.",
            "invalid": "Cette adresse électronique n'est pas valide (exemple : prenom.nom@beta.gouv.fr).",
        },
    )


class ShareForm(forms.Form):
    page = forms.IntegerField(widget=forms.HiddenInput)
