"""Public views of contributions: propose a resource, "Mes contributions", correct, improve a guide."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from community import ratelimit
from community.contributions import (
    contribution_status,
    contribution_statuses,
    create_contribution,
    member_contributions,
    resubmit_contribution,
)
from community.forms_contributions import ContributionForm, ImprovementForm
from community.improvements import propose_improvement
from community.login_redirect import login_redirect, login_required
from community.members import activate_member
from community.models import Member
from resources.models import GuidePage

CONTRIBUTE_PERMISSION = "community.contribute"
SENT = (
    "Merci ! Votre proposition a été transmise à l'équipe de modération. Elle sera publiée après relecture ; "
    "suivez-la dans « Mes contributions »."
)
RESENT = "Votre correction a été renvoyée à l'équipe de modération."


def _member(user) -> Member:
    return Member.objects.filter(user=user).first() or activate_member(user)


def _refuse(request):
    return render(request, "community/contribution_forbidden.html", status=403)


def _rate_limited(request, form, template, context):
    form.is_valid()
    form.add_error(None, ratelimit.RATE_LIMIT_MESSAGE)
    return render(request, template, {**context, "form": form}, status=429)


@require_http_methods(["GET", "POST"])
def propose(request, page):
    """Served at the ContributionPage's URL (/contribuer/): the form, then a draft in moderation."""
    context = {"page": page, "self": page}
    template = "community/contribution_page.html"
    if not request.user.is_authenticated:
        # The page explains how to contribute and leads to the login; a POST goes to the login.
        if request.method == "GET":
            return render(request, template, {**context, "login_required": True})
        return login_redirect(request)
    if not request.user.has_perm(CONTRIBUTE_PERMISSION):
        return _refuse(request)
    if request.method == "GET":
        return render(request, template, {**context, "form": ContributionForm()})
    form = ContributionForm(request.POST, request.FILES)
    if not ratelimit.allow(request, "contribution"):
        return _rate_limited(request, form, template, context)
    if form.is_bot():
        messages.success(request, SENT)  # bots get the people's answer, nothing is stored
        return redirect("my_contributions")
    if form.is_valid():
        try:
            create_contribution(_member(request.user), request.user, form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, SENT)
            return redirect("my_contributions")
    return render(request, template, {**context, "form": form}, status=400)


@login_required
def my_contributions(request):
    """The member's own contributions with their state; nobody else's."""
    return render(
        request,
        "community/contribution_list.html",
        {"statuses": contribution_statuses(_member(request.user))},
    )


@login_required
@require_http_methods(["GET", "POST"])
def correct(request, pk):
    """Correct a contribution sent back "à corriger": only its own contributor, only in that state."""
    page = get_object_or_404(member_contributions(_member(request.user)), pk=pk)
    status = contribution_status(page)
    if not status.can_correct:
        messages.info(request, "Cette contribution n'attend pas de correction de votre part.")
        return redirect("my_contributions")
    draft = page.get_latest_revision_as_object()
    template = "community/contribution_correct.html"
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
    if not ratelimit.allow(request, "contribution"):
        return _rate_limited(request, form, template, context)
    if form.is_bot():
        messages.success(request, RESENT)
        return redirect("my_contributions")
    if form.is_valid():
        resubmit_contribution(page, request.user, form.cleaned_data)
        messages.success(request, RESENT)
        return redirect("my_contributions")
    return render(request, template, {**context, "form": form}, status=400)


@require_POST
def improve(request, page_id):
    """ "Proposer une amélioration" on a guide page: reaches the guide's coach in the admin."""
    guide = GuidePage.objects.live().public().filter(pk=page_id).first()
    if guide is None:
        raise Http404("Ce guide n'existe pas ou n'est pas publié.")
    if not request.user.is_authenticated:
        return login_redirect(request, guide.url)
    if not request.user.has_perm(CONTRIBUTE_PERMISSION):
        return _refuse(request)
    form = ImprovementForm(request.POST)
    template = "community/contribution_improve.html"
    context = {"page": guide}
    if not ratelimit.allow(request, "contribution"):
        return _rate_limited(request, form, template, context)
    if form.is_bot():
        messages.success(request, "Merci, votre proposition a été transmise au coach de ce guide.")
        return redirect(guide.url)
    if not form.is_valid():
        return render(request, template, {**context, "form": form}, status=400)
    propose_improvement(guide, request.user, form.cleaned_data["text"], request=request)
    messages.success(request, "Merci, votre proposition a été transmise au coach de ce guide.")
    return redirect(guide.url)


# --- Admin: "Propositions d'amélioration" ---------------------------------------------------------


def can_review_proposals(user) -> bool:
    return user.is_active and (
        user.is_superuser or user.groups.filter(name__in=["Coachs", "Administrateurs"]).exists()
    )


def proposals_admin(request):
    """Coaches see the proposals on their guides; a POST marks one as dealt with (or not)."""
    from django.core.exceptions import PermissionDenied
    from django.core.paginator import Paginator

    from community.improvements import proposals_for

    if not can_review_proposals(request.user):
        raise PermissionDenied
    proposals = proposals_for(request.user)
    if request.method == "POST":
        proposal = get_object_or_404(proposals, pk=request.POST.get("proposal"))
        proposal.done = request.POST.get("done") == "1"
        proposal.save(update_fields=["done"])
        return redirect("correction_proposals_admin")
    paginator = Paginator(proposals, 50)
    return render(
        request,
        "community/contribution_proposals_admin.html",
        {"page_obj": paginator.get_page(request.GET.get("p"))},
    )
