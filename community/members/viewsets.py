"""The members in the Wagtail admin: members, missions to validate, fiche claims, merge history.

Every list and every object is scoped by `coaching`: an administrator sees everyone, a coach the
members, missions and claims of their incubators (an object outside is a 404, not a 403, so its
existence does not leak). Deleting and merging profiles is for administrators only.
"""

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils import timezone
from django.views.generic import FormView

from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.admin.views import generic
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup
from wagtail.admin.widgets import HeaderButton

import django_filters

from core.exports import SafeExportMixin
from core.taxonomy.models import Role

from .claims import ClaimRefused, decide_claim
from .coaching import claims_in_scope, members_in_scope, missions_in_scope
from .merges import MergeRefused, merge_members
from .models import ClaimRequest, Member, MemberMerge, Mission

MERGE_PERMISSION = "members.delete_member"


def incubators(request=None):
    return Member._meta.get_field("coached_incubators").related_model.objects.order_by("title")


def startups(request=None):
    return Mission._meta.get_field("startup").related_model.objects.order_by("title")


# --- Members ------------------------------------------------------------------------------------


class MemberFilterSet(WagtailFilterSet):
    incubateur = django_filters.ModelChoiceFilter(
        label="Incubateur", queryset=incubators, method="filter_incubator"
    )
    role = django_filters.ModelChoiceFilter(
        label="Rôle", queryset=Role.objects.order_by("order", "name"), field_name="roles"
    )
    startup = django_filters.ModelChoiceFilter(label="Startup", queryset=startups, method="filter_startup")
    ancien = django_filters.BooleanFilter(label="Ancien (aucune mission en cours)", method="filter_alumni")
    relie = django_filters.BooleanFilter(
        label="Relié à un compte", field_name="user", lookup_expr="isnull", exclude=True
    )

    class Meta:
        model = Member
        fields = []

    # Subqueries rather than joins: a member with several missions is listed once.
    def filter_incubator(self, queryset, name, value):
        return queryset.filter(pk__in=Mission.objects.filter(startup__incubator=value).values("member_id"))

    def filter_startup(self, queryset, name, value):
        return queryset.filter(pk__in=Mission.objects.filter(startup=value).values("member_id"))

    def filter_alumni(self, queryset, name, value):
        alumni = Member.objects.alumni().values("pk")
        return queryset.filter(pk__in=alumni) if value else queryset.exclude(pk__in=alumni)


class MemberAdminForm(WagtailAdminModelForm):
    """Imported fields stay the fiche's (FABRIQUE_MEMBER_SITE_OWNS_FICHES): shown, not editable."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk and self.instance.is_imported and not settings.FABRIQUE_MEMBER_SITE_OWNS_FICHES:
            help_text = (
                f"Vient de la fiche beta.gouv.fr : modifiez-la sur GitHub ({self.instance.source_url})."
            )
            # The identifier too: it is the fiche's file name (with dots, not a slug) and its address.
            for field in (self.fields.get(name) for name in ("slug", *Member.IMPORTED_FIELDS)):
                if field is not None:
                    field.disabled, field.help_text = True, help_text


class MemberIndexView(SafeExportMixin, generic.IndexView):
    # Moderators hold `view_member` (for contributors) but manage no one: the list is for editors.
    any_permission_required = ["add", "change", "delete"]

    def get_base_queryset(self):
        scope = members_in_scope(self.request.user).values("pk")
        return (
            super()
            .get_base_queryset()
            .filter(pk__in=scope)
            .select_related("user")
            .prefetch_related("missions")
        )


class MemberEditView(generic.EditView):
    def get_queryset(self):
        return members_in_scope(self.request.user)

    @property
    def header_more_buttons(self):
        buttons = list(super().header_more_buttons)
        if self.request.user.has_perm(MERGE_PERMISSION):
            url = reverse("members_admin:merge", args=[self.object.pk])
            buttons.append(HeaderButton("Fusionner un doublon", url=url, icon_name="resubmit"))
        return buttons


class MergeForm(forms.Form):
    absorbed = forms.CharField(
        label="Identifiant du profil en double",
        max_length=150,
        help_text=(
            "Ce profil-là est supprimé : ses missions, son compte et ses liens passent sur le profil "
            "conservé."
        ),
    )

    def __init__(self, *args, kept, **kwargs):
        super().__init__(*args, **kwargs)
        self.kept = kept

    def clean_absorbed(self):
        slug = self.cleaned_data["absorbed"].strip()
        absorbed = Member.objects.filter(slug=slug).first()
        if absorbed is None:
            raise forms.ValidationError(f"Aucun membre n'a l'identifiant « {slug} ».")
        if absorbed.pk == self.kept.pk:
            raise forms.ValidationError("Indiquez l'identifiant de l'autre profil, pas celui-ci.")
        return absorbed


class MemberMergeView(WagtailAdminTemplateMixin, FormView):
    """Administrators only: the profile shown absorbs its duplicate, and the merge is recorded."""

    template_name = "members/admin/merge.html"
    form_class = MergeForm
    header_icon = "resubmit"

    def dispatch(self, request, pk):
        if not request.user.has_perm(MERGE_PERMISSION):
            raise PermissionDenied
        self.kept = get_object_or_404(Member, pk=pk)
        return super().dispatch(request, pk)

    def get_page_title(self):
        return f"Fusionner un doublon dans « {self.kept} »"

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "kept": self.kept}

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "kept": self.kept}

    def form_valid(self, form):
        absorbed = form.cleaned_data["absorbed"]
        try:
            record = merge_members(self.kept, absorbed, by=self.request.user)
        except MergeRefused as refusal:
            form.add_error("absorbed", str(refusal))
            return self.form_invalid(form)
        messages.success(
            self.request,
            f"« {record.absorbed_name} » a été fusionné dans « {self.kept} » "
            f"({record.missions_moved} mission(s) déplacée(s)).",
        )
        return redirect("members_admin:edit", self.kept.pk)


class MemberViewSet(ModelViewSet):
    model = Member
    icon = "user"
    menu_label = "Membres"
    name = "members_admin"
    add_to_admin_menu = False
    index_view_class = MemberIndexView
    edit_view_class = MemberEditView
    copy_view_enabled = False
    search_fields = ["full_name", "slug"]
    search_backend_name = None  # the ORM: the index does not know slugs
    filterset_class = MemberFilterSet
    list_display = [
        "full_name",
        "slug",
        Column("claimed", label="Compte", accessor="account_label"),
        "job_title",
    ]
    list_export = ["full_name", "slug", "job_title", "domaine", "source", "account_label", "alumni_label"]
    export_headings = {"account_label": "Compte relié", "alumni_label": "Ancien"}
    export_filename = "membres"
    edit_handler = ObjectList(Member.panels, base_form_class=MemberAdminForm)

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("<int:pk>/fusionner/", MemberMergeView.as_view(), name="merge"),
        ]


# --- Missions to validate --------------------------------------------------------------------------


def scoped_members(request):
    return members_in_scope(request.user) if request is not None else Member.objects.none()


class MissionFilterSet(WagtailFilterSet):
    incubateur = django_filters.ModelChoiceFilter(
        label="Incubateur", queryset=incubators, field_name="startup__incubator"
    )
    startup = django_filters.ModelChoiceFilter(label="Startup", queryset=startups)
    # A coach picks among their own members only: the list names no one else.
    member = django_filters.ModelChoiceFilter(
        label="Membre", queryset=lambda request: scoped_members(request)
    )

    class Meta:
        model = Mission
        fields = ["validation"]


class MissionIndexView(generic.IndexView):
    def get_base_queryset(self):
        return missions_in_scope(self.request.user).select_related("member", "startup", "role")


class MissionEditView(generic.EditView):
    def get_queryset(self):
        return missions_in_scope(self.request.user)

    def save_instance(self):
        # Whoever changes the validation is its reviewer.
        if "validation" in self.form.changed_data:
            self.form.instance.reviewed_by = self.request.user
            self.form.instance.reviewed_at = timezone.now()
        return super().save_instance()


class MissionViewSet(ModelViewSet):
    model = Mission
    icon = "tasks"
    menu_label = "Missions"
    name = "missions_admin"
    index_view_class = MissionIndexView
    edit_view_class = MissionEditView
    copy_view_enabled = False
    sort_order_field = None
    filterset_class = MissionFilterSet
    list_display = ["member", "startup", "role", "start", "end", "validation"]
    ordering = ["-pk"]
    panels = [FieldPanel("member"), *Mission.panels]

    @property
    def menu_url(self):
        # The coach's to-do list first: pending missions.
        return reverse(self.get_url_name("index")) + f"?validation={Mission.PENDING}"


# --- Fiche claims -------------------------------------------------------------------------------


class ClaimDecisionForm(WagtailAdminModelForm):
    decision = forms.ChoiceField(
        label="Décision",
        choices=[("accepter", "Accepter : relier la fiche à ce compte"), ("refuser", "Refuser")],
        widget=forms.RadioSelect,
    )

    class Meta:
        model = ClaimRequest
        fields = []


class NoCreateView(generic.CreateView):
    """Claims come from their person and merges from the merge action: neither is typed in by hand."""

    def dispatch(self, request, *args, **kwargs):
        raise PermissionDenied


class ClaimIndexView(generic.IndexView):
    def get_add_url(self):
        return None

    def get_base_queryset(self):
        return claims_in_scope(self.request.user).select_related("user", "member")


class ClaimDecisionView(generic.EditView):
    """A claim is not edited, it is decided: accepting links the fiche, both answers send an email."""

    template_name = "members/admin/claim_decision.html"
    submit_button_label = "Enregistrer la décision"

    def get_queryset(self):
        return claims_in_scope(self.request.user).filter(status=ClaimRequest.PENDING)

    def save_instance(self):
        approve = self.form.cleaned_data["decision"] == "accepter"
        return decide_claim(self.object, approve=approve, by=self.request.user, request=self.request)

    def form_valid(self, form):
        self.form = form
        try:
            self.object = self.save_instance()
        except ClaimRefused as refusal:
            form.add_error(None, str(refusal))
            return self.form_invalid(form)
        messages.success(
            self.request, f"Demande {self.object.get_status_display().lower()} ; la personne est prévenue."
        )
        return redirect(self.get_success_url())


class ClaimViewSet(ModelViewSet):
    model = ClaimRequest
    icon = "user"
    menu_label = "Demandes de fiche"
    name = "claims_admin"
    index_view_class = ClaimIndexView
    add_view_class = NoCreateView
    edit_view_class = ClaimDecisionView
    copy_view_enabled = False
    list_filter = ["status"]
    list_display = ["member", "user", "status", "created_at", "decided_by"]
    ordering = ["-created_at"]

    def get_form_class(self, for_update=False):
        return ClaimDecisionForm


# --- Merge history ------------------------------------------------------------------------------


class MergeIndexView(generic.IndexView):
    def get_add_url(self):
        return None


class MergeRecordView(generic.EditView):
    """The history is not rewritten: its records are read, never saved."""

    def post(self, request, *args, **kwargs):
        raise PermissionDenied


class MemberMergeViewSet(ModelViewSet):
    model = MemberMerge
    index_view_class = MergeIndexView
    add_view_class = NoCreateView
    edit_view_class = MergeRecordView
    icon = "history"
    menu_label = "Fusions de profils"
    name = "merges_admin"
    copy_view_enabled = False
    inspect_view_enabled = True
    list_display = ["absorbed_slug", "kept_slug", "reason", "merged_by", "merged_at", "missions_moved"]
    list_filter = ["reason"]
    form_fields = []


class MembersAdminGroup(ModelViewSetGroup):
    items = (MemberViewSet, MissionViewSet, ClaimViewSet, MemberMergeViewSet)
    menu_icon = "group"
    menu_label = "Membres"
    menu_name = "membres"
