"""« Vers qui me tourner ? »: the list of situations, one situation routed, and the two answers.

A confidential situation (health, violence, harassment) is read without login and leaves no trace:
no row, no log line, no audience measurement, no cookie (no form of its own; the header's logout
token does not renew the CSRF cookie), and it asks browsers and proxies to keep no copy.
"""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from community.members.membership import profile_of
from core.security.login import login_required

from .forms import LivedExperienceForm, OutcomeForm
from .models import HelpOutcome, HelpSituation, LivedExperience
from .routing import route

THANKS_HELPED = "Merci ! Votre réponse compte parmi les problèmes résolus par la communauté."
THANKS_BLOCKED = (
    "Merci de nous l'avoir dit. Écrivez au contact indiqué ou sur le canal : quelqu'un vous répondra."
)


@require_GET
def situation_index(request):
    situations = HelpSituation.objects.all()
    return render(request, "help/situation_index.html", {"situations": situations})


def _situation_page(request, situation, outcome_form=None, status=200):
    context = {
        "situation": situation,
        "route": route(situation, request.user),
        "help_numbers": list(situation.help_numbers.order_by("sort_order", "pk")),
        "outcome_form": outcome_form or OutcomeForm(),
        "breadcrumb_links": [{"url": reverse("help_index"), "title": "Vers qui me tourner ?"}],
    }
    if situation.confidential:
        context["confidential"] = True  # no NPS question either (community/health/templatetags)
        context["matomo"] = None  # no audience measurement on these pages (home/context_processors.py)
    response = render(request, "help/situation_detail.html", context, status=status)
    if situation.confidential:
        # The header's logout form asked for the CSRF token, which renews the cookie: not here. A
        # member keeps the cookie their browser already holds; the page itself sets none.
        request.META["CSRF_COOKIE_NEEDS_UPDATE"] = False
        response["Cache-Control"] = "no-store"
        response["Referrer-Policy"] = "no-referrer"  # the pages linked from here never learn the way in
    return response


@require_GET
def situation_detail(request, slug):
    situation = get_object_or_404(HelpSituation, slug=slug)
    return _situation_page(request, situation)


@require_POST
def situation_outcome(request, slug):
    """Anonymous « ça m'a aidé / je suis toujours bloqué·e »: the situation and the day, nothing else."""
    situation = get_object_or_404(HelpSituation, slug=slug)
    if situation.confidential:
        raise Http404  # nothing is ever recorded about a confidential situation
    form = OutcomeForm(request.POST)
    if not form.within_rate_limit(request):
        return _situation_page(request, situation, form, status=429)
    if form.is_bot():
        messages.success(request, THANKS_HELPED)
        return redirect("help_situation", slug=slug)
    if not form.is_valid():
        return _situation_page(request, situation, form, status=400)
    helped = form.cleaned_data["helped"]
    HelpOutcome.objects.create(situation=situation, helped=helped)
    messages.success(request, THANKS_HELPED if helped else THANKS_BLOCKED)
    return redirect(reverse("help_situation", args=[slug]) + "#bilan")


@login_required
@require_http_methods(["GET", "POST"])
def lived_experiences(request):
    """The member ticks the situations they lived and accept to be contacted about."""
    member = profile_of(request.user)
    current = HelpSituation.objects.filter(lived_experiences__member=member)
    form = LivedExperienceForm(
        request.POST if request.method == "POST" else None, initial={"situations": current}
    )
    if request.method == "POST" and form.is_valid():
        chosen = set(form.cleaned_data["situations"])
        LivedExperience.objects.filter(member=member).exclude(situation__in=chosen).delete()
        for situation in chosen:
            LivedExperience.objects.get_or_create(member=member, situation=situation)
        messages.success(request, "Vos choix sont enregistrés : vous pouvez les changer à tout moment.")
        return redirect("help_lived_experiences")
    return render(request, "help/lived_experiences.html", {"form": form}, status=400 if form.errors else 200)
