"""Views of onboarding: the phase pages, « Pour moi », and the admin reports of the paths and of the
exit questionnaire.

(The routes of the role and path pages are in arrival.py and checklist.py, called by the pages.)
"""

from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.cache import patch_cache_control

from wagtail.admin.views.reports import ReportView

from community.startups.models import StartupIndexPage
from core.exports import ReportAccessMixin, SafeExportMixin
from core.taxonomy.models import Phase, Role
from resources.guides.models import GuideIndexPage
from resources.library.models import ResourceIndexPage

from .departures import departure_of, departures_in_scope
from .history import previous_visit
from .phases import phase_page_context, phases_in_order
from .questionnaire import MIN_GROUP_SIZE, TOO_FEW, aggregate
from .situations import member_of, member_situations, picked_situation
from .statistics import path_statistics
from .suggestions import next_onboarding_step, suggestions_for

STATISTICS_PERMISSION = "onboarding.view_onboardingprogress"


def can_view_statistics(user) -> bool:
    """The arrival and departure reports' readers: those holding the statistics permission."""
    return user.has_perm(STATISTICS_PERMISSION)


def stops_text(statistics) -> str:
    """Where members stop, as one spreadsheet cell: « Compte (premier jour) : 2 ; … »."""
    return " ; ".join(
        f"{step.title} ({step.get_moment_display().lower()}) : {count}" for step, count in statistics.stops
    )


class OnboardingStatisticsView(ReportAccessMixin, SafeExportMixin, ReportView):
    """Admin report: per path (arrival and departure), who started, finished, where the others stop;
    beside it, for a coach, the departures under way in their incubators."""

    template_name = "onboarding/onboarding_statistics.html"
    results_template_name = "onboarding/onboarding_statistics_results.html"
    page_title = "Parcours d'arrivée et de départ : suivi"
    header_icon = "list-ol"
    index_url_name = "community_onboarding_statistics"
    index_results_url_name = "community_onboarding_statistics_results"
    paginate_by = None  # one row per path: a handful
    # Exported as CSV or XLSX (?export=csv|xlsx), one row per path.
    list_export = ["path.title", "kind", "path.url_path", "started", "finished", "in_progress", "stops"]
    export_headings = {
        "path.title": "Parcours",
        "kind": "Type",
        "path.url_path": "Chemin de la page",
        "started": "Commencé",
        "finished": "Terminé",
        "in_progress": "En cours",
        "stops": "Où les membres s'arrêtent",
    }
    export_filename = "suivi-parcours-arrivee"

    can_view = staticmethod(can_view_statistics)

    def get_queryset(self):
        return path_statistics()

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        if not self.results_only:
            context["departures"] = departures_in_scope(self.request.user)
        return context

    def to_row_dict(self, item):
        row = super().to_row_dict(item)
        row["stops"] = stops_text(item)
        return row


class ExitQuestionnaireView(ReportAccessMixin, SafeExportMixin, ReportView):
    """Admin report: the exit questionnaire's answers, by group, hidden under the minimum group size."""

    template_name = "onboarding/exit_questionnaire.html"
    results_template_name = "onboarding/exit_questionnaire_results.html"
    page_title = "Questionnaire de départ"
    header_icon = "comment"
    index_url_name = "community_onboarding_exit_questionnaire"
    index_results_url_name = "community_onboarding_exit_questionnaire_results"
    paginate_by = None
    list_export = ["label", "count", "average", "recommend_share"]
    export_headings = {
        "label": "Groupe",
        "count": "Réponses",
        "average": "Note moyenne sur 10",
        "recommend_share": "Recommandent (9 ou 10), en %",
    }
    export_filename = "questionnaire-depart"

    can_view = staticmethod(can_view_statistics)

    def get_queryset(self):
        return aggregate()

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        context.update(min_group_size=MIN_GROUP_SIZE, too_few=TOO_FEW)
        return context

    def to_row_dict(self, item):
        row = super().to_row_dict(item)
        if not item.shown:  # a small group's figures could point at one person: only the count stays
            row.update(average=TOO_FEW, recommend_share="")
        return row


def _section_url(model, request, query=""):
    """The URL of a section (guides, library, startups) filtered by `query`; empty without one."""
    section = model.objects.live().order_by("path").first()
    url = section.get_url(request=request) if section else ""
    return f"{url}?{query}" if url and query else url or ""


def phase_index(request):
    """ "Les phases": every phase of a startup d'État, in order, each linking to its page."""
    return TemplateResponse(request, "onboarding/phase_index.html", {"phases": phases_in_order()})


def phase_detail(request, slug):
    """A phase's page: the editors' text (description, exit criteria, committee) and computed parts."""
    phase = get_object_or_404(Phase, slug=slug)
    context = phase_page_context(phase)
    query = f"phase={phase.slug}"
    context.update(
        {
            "guides_url": _section_url(GuideIndexPage, request, query),
            "resources_url": _section_url(ResourceIndexPage, request, query),
            "startups_url": _section_url(StartupIndexPage, request, query),
            "breadcrumb_links": [{"title": "Phases", "url": reverse("phase_index")}],
        }
    )
    return TemplateResponse(request, "onboarding/phase_page.html", context)


def for_me(request):
    """« Pour moi, maintenant »: a member's page from their missions; anyone's from a role + phase.

    Logged in without a choice in the query string: the member's own situations (personal: the page
    cache never serves nor stores a request with a session, and the response is marked private).
    With `?role=…&phase=…` (a plain GET form): the same sections for the chosen pair, identical
    for every anonymous visitor, so the page cache keeps them.
    """
    role_slug = request.GET.get("role", "").strip()
    phase_slug = request.GET.get("phase", "").strip()
    picked, errors = picked_situation(role_slug, phase_slug)
    user = request.user if request.user.is_authenticated else None
    member = member_of(request.user)
    context = {
        "roles": list(Role.objects.order_by("order", "name")),
        "phases": phases_in_order(),
        "picked": picked,
        "errors": errors,
        "member": member,
        "personal": False,
        "sections": [],
    }
    if picked is not None:
        context["sections"] = [suggestions_for(picked, user=user, member=member)]
    elif member is not None:
        situations = member_situations(member)
        since = previous_visit(request.user)
        context.update(
            personal=True,
            since=since,
            sections=[suggestions_for(situation, user, member, since) for situation in situations],
            next_step=next_onboarding_step(request.user),
            departure=departure_of(member, request.user),
        )
    without_phase = [section.situation for section in context["sections"] if section.situation.phase is None]
    preselected = picked.role if picked else (without_phase[0].role if without_phase else None)
    context["preselected_role"] = preselected
    response = TemplateResponse(request, "onboarding/for_me.html", context)
    if user is not None:
        patch_cache_control(response, private=True, no_store=True)
    return response
