"""Views of the onboarding paths: the "J'arrive" landing, a path, ticking a step, "Mes parcours", statistics.

Page routes (RoutablePageMixin on the page models) delegate here; the rules live in
`community/onboarding.py`.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponseNotAllowed, HttpResponseRedirect, JsonResponse
from django.template.response import TemplateResponse
from django.views.generic import TemplateView

from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from . import onboarding
from .login_redirect import login_redirect
from .models import ContactDirectoryPage

STATISTICS_PERMISSION = "community.view_onboardingprogress"


def login_url_for(request, page):
    """The login link that brings the visitor back to this page (follows settings.LOGIN_URL)."""
    return login_redirect(request, page.get_url(request=request)).url


def subpage_url(request, page, name, *args):
    """URL of a page route; empty while previewing a page or step that is not saved yet."""
    base = page.get_url(request=request)
    if base is None or None in args:
        return ""
    return base + page.reverse_subpage(name, args=args)


def wants_json(request):
    return "application/json" in request.headers.get("Accept", "")


def arrival(request, index_page):
    """ "J'arrive": choose a role (GET, works without JS); one path for it leads straight there."""
    roles = onboarding.roles_for_arrival()
    role_slug = request.GET.get("role", "").strip()
    chosen_role, paths, error = None, [], ""
    if role_slug:
        chosen_role = next((role for role in roles if role.slug == role_slug), None)
        if chosen_role is None:
            error = "Ce rôle n'existe pas : choisissez-en un dans la liste."
        else:
            paths = onboarding.paths_for_role(chosen_role, incubator=request.GET.get("incubateur"))
            if len(paths) == 1:
                return HttpResponseRedirect(paths[0].get_url(request=request))
    context = index_page.get_context(request)
    context.update(
        {
            "roles": roles,
            "chosen_role": chosen_role,
            "role_paths": paths,
            "role_page": getattr(chosen_role, "role_page", None) if chosen_role else None,
            "form_error": error,
            "incubators": onboarding.incubator_choices(),
            "my_paths_url": subpage_url(request, index_page, "my_paths"),
            "contact_page": ContactDirectoryPage.objects.live().public().order_by("depth", "path").first(),
        }
    )
    return TemplateResponse(request, index_page.get_template(request), context)


def path_page(request, path):
    progress = onboarding.progress_for(path, request.user)
    onboarding.attach_links(progress.steps, request)
    for step in progress.steps:
        step.toggle_url = subpage_url(request, path, "toggle_step", step.pk)
    context = path.get_context(request)
    context.update({"progress": progress, "login_url": login_url_for(request, path)})
    return TemplateResponse(request, path.get_template(request), context)


def toggle_step(request, path, step_id):
    """POST only, logged-in only (CSRF checked by the middleware); a foreign step id gets a 404."""
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    if not request.user.is_authenticated:
        if wants_json(request):
            return JsonResponse({"error": "Connectez-vous pour enregistrer votre progression."}, status=403)
        return login_redirect(request, path.get_url(request=request))
    done = request.POST.get("done") == "1"
    try:
        progress = onboarding.set_step_done(request.user, path, step_id, done)
    except onboarding.StepNotFound:
        raise Http404("Cette étape n'appartient pas à ce parcours.") from None
    if wants_json(request):
        return JsonResponse({"step": step_id, "step_done": done, **progress.as_dict()})
    if done:
        messages.success(request, f"Étape faite : {progress.done} sur {progress.total}.")
    else:
        messages.info(request, "Étape remise à faire.")
    return HttpResponseRedirect(f"{path.get_url(request=request)}#etape-{step_id}")


def my_paths(request, index_page):
    if not request.user.is_authenticated:
        return login_redirect(request)
    context = index_page.get_context(request)
    context["summaries"] = onboarding.progress_summary(request.user)
    context["breadcrumb_links"] = [{"title": index_page.title, "url": index_page.get_url(request=request)}]
    return TemplateResponse(request, "community/onboarding_my_paths.html", context)


class OnboardingStatisticsView(WagtailAdminTemplateMixin, TemplateView):
    """Admin report: per path, members who started, finished, and the step where the others stop."""

    template_name = "community/onboarding_statistics.html"
    page_title = "Parcours d'arrivée : suivi"
    header_icon = "list-ol"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(STATISTICS_PERMISSION):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["statistics"] = onboarding.path_statistics()
        return context
