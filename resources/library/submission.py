"""The "Contribuer" page's route: the form, then a draft resource sent to moderation.

`ContributionPage` hands itself to `propose`; the page says where resources go (`page.library()`).
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from community.members.membership import profile_of
from community.members.models import CONTRIBUTE_PERMISSION
from core.security.login import login_redirect

from .contributions import create_contribution
from .forms import ContributionForm

SENT = (
    "Merci ! Votre proposition a été transmise à l'équipe de modération. Elle sera publiée après relecture ; "
    "suivez-la dans « Mes contributions »."
)


@require_http_methods(["GET", "POST"])
def propose(request, page):
    """Served at the ContributionPage's URL (/contribuer/): the form, then a draft in moderation."""
    context = {"page": page, "self": page}
    template = "library/contribution_page.html"
    if not request.user.is_authenticated:
        # The page explains how to contribute and leads to the login; a POST goes to the login.
        if request.method == "GET":
            return render(request, template, {**context, "login_required": True})
        return login_redirect(request)
    if not request.user.has_perm(CONTRIBUTE_PERMISSION):
        return render(request, "403_contribution.html", status=403)
    if request.method == "GET":
        initial = {"groupe": request.GET.get("groupe", "")[:140]}
        return render(request, template, {**context, "form": ContributionForm(initial=initial)})
    form = ContributionForm(request.POST, request.FILES)
    if not form.within_rate_limit(request):
        return render(request, template, {**context, "form": form}, status=429)
    if form.is_bot():
        messages.success(request, SENT)  # bots get the people's answer, nothing is stored
        return redirect("my_contributions")
    if form.is_valid():
        try:
            create_contribution(page.library(), profile_of(request.user), request.user, form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, SENT)
            return redirect("my_contributions")
    return render(request, template, {**context, "form": form}, status=400)
