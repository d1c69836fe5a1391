"""Routes of an onboarding path page: the path with its progress, and ticking one step.

`OnboardingPathPage` hands itself to these functions; the rules live in `progress.py`.
"""

from django.contrib import messages
from django.http import Http404, HttpResponseNotAllowed, HttpResponseRedirect, JsonResponse
from django.template.response import TemplateResponse

from core.pages import route_url
from core.security.login import login_redirect, login_url_for

from .progress import StepNotFound, attach_links, progress_for, set_step_done


def wants_json(request):
    return "application/json" in request.headers.get("Accept", "")


def path_page(request, path):
    progress = progress_for(path, request.user)
    attach_links(progress.steps, request)
    for step in progress.steps:
        step.toggle_url = route_url(request, path, "toggle_step", step.pk)
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
        progress = set_step_done(request.user, path, step_id, done)
    except StepNotFound:
        raise Http404("Cette étape n'appartient pas à ce parcours.") from None
    if wants_json(request):
        return JsonResponse({"step": step_id, "step_done": done, **progress.as_dict()})
    if done:
        messages.success(request, f"Étape faite : {progress.done} sur {progress.total}.")
    else:
        messages.info(request, "Étape remise à faire.")
    return HttpResponseRedirect(f"{path.get_url(request=request)}#etape-{step_id}")
