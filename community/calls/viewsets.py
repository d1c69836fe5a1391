"""Applications in the Wagtail admin (« Candidatures »): the incubator's team reads and decides.

Scoped by `scope.applications_in_scope`: a coach sees the applications sent to their incubators'
calls only (another one is a 404, so its existence does not leak), an administrator all; drafts are
nobody's business but their author's. An application is not edited, it is decided: the form holds
the status and a message, and each change of status emails the applicant (decisions.py).
"""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import path

from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.ui.tables import Column
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet

import django_filters

from .decisions import decide
from .models import Application, CallPage
from .scope import applications_in_scope


def incubators(request=None):
    return CallPage._meta.get_field("incubator").related_model.objects.order_by("title")


class ApplicationFilterSet(WagtailFilterSet):
    incubateur = django_filters.ModelChoiceFilter(
        label="Incubateur", queryset=incubators, field_name="call__incubator"
    )
    status = django_filters.ChoiceFilter(label="Statut", choices=Application.DECISIONS)
    call = django_filters.ModelChoiceFilter(label="Appel", queryset=CallPage.objects.order_by("title"))

    class Meta:
        model = Application
        fields = []


class DecisionForm(WagtailAdminModelForm):
    status = forms.ChoiceField(label="Statut", choices=Application.DECISIONS, widget=forms.RadioSelect)

    class Meta:
        model = Application
        fields = ["status", "note"]


class NoCreateView(generic.CreateView):
    """Applications come from their applicants, through the call's page."""

    def dispatch(self, request, *args, **kwargs):
        raise PermissionDenied


class ApplicationIndexView(generic.IndexView):
    def get_add_url(self):
        return None

    def get_base_queryset(self):
        return applications_in_scope(self.request.user).select_related("call", "applicant", "call__incubator")


class ApplicationDecisionView(generic.EditView):
    template_name = "calls/admin/application_decision.html"
    submit_button_label = "Enregistrer la décision"

    def get_queryset(self):
        return applications_in_scope(self.request.user).select_related("call", "applicant")

    def form_valid(self, form):
        decide(self.object, form.cleaned_data["status"], by=self.request.user, note=form.cleaned_data["note"])
        messages.success(
            self.request, "Décision enregistrée ; la personne candidate est prévenue par courriel."
        )
        return redirect(self.get_success_url())


def download_attachment(request, pk):
    """The attachment, for the team that may read the application only (files live outside MEDIA_ROOT)."""
    if not request.user.has_perm("calls.view_application"):
        raise PermissionDenied
    application = get_object_or_404(applications_in_scope(request.user), pk=pk)
    if not application.attachment:
        raise Http404("Pas de pièce jointe")
    return FileResponse(
        application.attachment.open("rb"), as_attachment=True, filename=application.attachment_name
    )


class ApplicationViewSet(ModelViewSet):
    model = Application
    icon = "form"
    menu_label = "Candidatures"
    name = "candidatures"
    add_to_admin_menu = True
    menu_order = 250
    index_view_class = ApplicationIndexView
    add_view_class = NoCreateView
    edit_view_class = ApplicationDecisionView
    copy_view_enabled = False
    filterset_class = ApplicationFilterSet
    list_display = [
        "project_title",
        "call",
        Column("incubator", label="Incubateur", accessor="call.incubator"),
        "administration",
        "status",
        "submitted_at",
    ]
    ordering = ["-submitted_at"]

    def get_form_class(self, for_update=False):
        return DecisionForm

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("<int:pk>/piece-jointe/", download_attachment, name="attachment"),
        ]
