"""The call page's « Candidater » route: an agent with an account fills in, saves and sends their
application, only while the call is open.

Decisions: applying needs an account (public agents have one through ProConnect or email sign-up):
the draft is kept with it, the reminder and the decisions reach its verified address, and the
attachment is never tied to an anonymous visitor. One application per account and call.
"""

from django.contrib import messages
from django.shortcuts import redirect
from django.template.response import TemplateResponse

from core.pages import route_url
from core.security.login import login_redirect

from .decisions import submit
from .forms import ApplicationForm
from .models import Application

SAVED = "Votre brouillon est enregistré. Vous pourrez le reprendre jusqu'à la date limite."
SENT = "Votre candidature est envoyée : l'équipe de l'incubateur l'a reçue. Un courriel vous le confirme."
CLOSED = "Les candidatures ne sont pas ouvertes pour cet appel : vous ne pouvez pas candidater en ce moment."
SEND, SAVE = "envoyer", "enregistrer"


def application_form(request, call):
    if not request.user.is_authenticated:
        return login_redirect(request)
    application = Application.objects.filter(call=call, applicant=request.user).first()
    template = "calls/application_form.html"
    context = {"page": call, "self": call, "application": application}
    if application is not None and application.status != Application.DRAFT:
        return TemplateResponse(request, "calls/application_sent.html", context)
    if not call.is_open:
        return TemplateResponse(
            request, "calls/application_closed.html", {**context, "message": CLOSED}, status=403
        )
    if request.method != "POST":
        return TemplateResponse(request, template, {**context, "form": ApplicationForm(instance=application)})
    sending = request.POST.get("action") == SEND
    instance = application or Application(call=call, applicant=request.user)
    form = ApplicationForm(request.POST, request.FILES, instance=instance, sending=sending)
    if not form.within_rate_limit(request):
        return TemplateResponse(request, template, {**context, "form": form}, status=429)
    if form.is_bot():  # answered as for a person, nothing stored
        messages.success(request, SENT if sending else SAVED)
        return redirect(call.get_url(request=request))
    if not form.is_valid():
        return TemplateResponse(request, template, {**context, "form": form}, status=400)
    application = form.save()
    if sending:
        submit(application)
        messages.success(request, SENT)
        return redirect(call.get_url(request=request))
    messages.success(request, SAVED)
    return redirect(route_url(request, call, "apply"))
