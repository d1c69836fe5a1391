"""Routes of a path page: the path with its progress, ticking one step, the exit questionnaire.

`OnboardingPathPage` hands itself to these functions; the rules live in `progress.py` and
`questionnaire.py`.
"""

from django.contrib import messages
from django.http import Http404, HttpResponseNotAllowed, HttpResponseRedirect, JsonResponse
from django.template.response import TemplateResponse

from core.pages import route_url
from core.security.login import login_redirect, login_url_for

from .departures import departure_of
from .incubators import member_incubator
from .progress import StepNotFound, attach_links, progress_for, set_step_done
from .questionnaire import ExitQuestionnaireForm, has_answered, record_answer
from .situations import member_of


def wants_json(request):
    return "application/json" in request.headers.get("Accept", "")


def path_page(request, path, questionnaire_form=None):
    progress = progress_for(path, request.user)
    attach_links(progress.steps, request)
    for step in progress.steps:
        step.toggle_url = route_url(request, path, "toggle_step", step.pk)
    context = path.get_context(request)
    context.update({"progress": progress, "login_url": login_url_for(request, path)})
    if path.is_departure and request.user.is_authenticated:
        context["questionnaire_answered"] = has_answered(request.user, path)
        context["questionnaire_form"] = questionnaire_form or ExitQuestionnaireForm()
        context["questionnaire_url"] = route_url(request, path, "exit_questionnaire")
    response = TemplateResponse(request, path.get_template(request), context)
    if questionnaire_form is not None:
        response.status_code = 400
    return response


def answer_exit_questionnaire(request, path):
    """POST, logged in, departure paths only; one answer per account and path, kept without the account."""
    if not path.is_departure:
        raise Http404("Ce parcours n'a pas de questionnaire de départ.")
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    if not request.user.is_authenticated:
        return login_redirect(request, path.get_url(request=request))
    form = ExitQuestionnaireForm(request.POST)
    if not form.is_valid():
        return path_page(request, path, questionnaire_form=form)
    member = member_of(request.user)
    departure = departure_of(member, request.user)
    mission = departure.mission if departure is not None else None
    role = mission.role if mission is not None and mission.role_id else None
    if role is None and member is not None:
        role = member.roles.order_by("order", "name").first()
    incubator = member_incubator(member)
    if record_answer(request.user, path, form.cleaned_data, role=role, incubator=incubator):
        messages.success(request, "Merci : votre réponse est enregistrée, sans votre nom.")
    else:
        messages.info(request, "Vous avez déjà répondu à ce questionnaire : merci.")
    return HttpResponseRedirect(f"{path.get_url(request=request)}#questionnaire")


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
