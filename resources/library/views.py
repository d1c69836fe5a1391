"""A member's own contributions: "Mes contributions", and correcting one sent back by moderators.

Proposing a resource is the "Contribuer" page's route (submission.py).
"""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods

from community.members.membership import profile_of
from core.security.login import login_required

from .contributions import (
    contribution_status,
    contribution_statuses,
    member_contributions,
    resubmit_contribution,
)
from .forms import ContributionForm

RESENT = "Votre correction a été renvoyée à l'équipe de modération."


@login_required
def my_contributions(request):
    """The member's own contributions with their state; nobody else's."""
    return render(
        request,
        "library/contribution_list.html",
        {"statuses": contribution_statuses(profile_of(request.user))},
    )


@login_required
@require_http_methods(["GET", "POST"])
def correct(request, pk):
    """Correct a contribution sent back "à corriger": only its own contributor, only in that state."""
    page = get_object_or_404(member_contributions(profile_of(request.user)), pk=pk)
    status = contribution_status(page)
    if not status.can_correct:
        messages.info(request, "Cette contribution n'attend pas de correction de votre part.")
        return redirect("my_contributions")
    draft = page.get_latest_revision_as_object()
    template = "library/contribution_correct.html"
    context = {"contribution": draft, "status": status}
    if request.method == "GET":
        initial = {
            "title": draft.title,
            "intro": draft.intro,
            "kind": draft.kind_id,
            "external_url": draft.external_url,
            "phases": list(draft.phases.all()),
            "roles": list(draft.roles.all()),
            "thematiques": list(draft.thematiques.all()),
        }
        form = ContributionForm(initial=initial, has_document=bool(draft.document_id))
        return render(request, template, {**context, "form": form})
    form = ContributionForm(request.POST, request.FILES, has_document=bool(draft.document_id))
    if not form.within_rate_limit(request):
        return render(request, template, {**context, "form": form}, status=429)
    if form.is_bot():
        messages.success(request, RESENT)
        return redirect("my_contributions")
    if form.is_valid():
        resubmit_contribution(page, request.user, form.cleaned_data)
        messages.success(request, RESENT)
        return redirect("my_contributions")
    return render(request, template, {**context, "form": form}, status=400)
