"""What coordinators do for their group, without any admin right on the rest of the site: answer
requests, invite by email, remove members, name co-coordinators — and the invitation link itself.

Every membership is looked up *within the group of the URL* (`group.memberships`): an id of another
group's membership, forged into a form, is a 404. Members who may read the group but not manage it
get a 403; those who may not read it a 404.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from core.security.login import login_redirect, login_required

from . import invitations, memberships
from .forms import InvitationForm
from .models import Group, Invitation, Membership, is_member
from .views import readable_group

MANAGE_ONLY = "Seules les personnes qui coordonnent ce groupe peuvent le gérer."

ACTIONS = {
    "accepter": (memberships.accept, "La demande est acceptée."),
    "refuser": (memberships.refuse, "La demande est refusée."),
    "retirer": (memberships.remove, "La personne a été retirée du groupe."),
    "coordination": (memberships.name_coordinator, "La personne coordonne désormais le groupe avec vous."),
    "membre": (memberships.step_down, "La personne n'a plus le rôle de coordination."),
}


def managed_group(request, slug) -> Group:
    group = readable_group(request, slug)
    if not group.can_moderate(request.user):
        raise PermissionDenied(MANAGE_ONLY)
    return group


def manage_context(group, form=None) -> dict:
    people = group.memberships.select_related("user__member").order_by("-role", "created_at", "pk")
    return {
        "group": group,
        "requests": people.filter(status=Membership.Status.REQUESTED),
        "members": people.filter(status=Membership.Status.ACTIVE),
        "invitations": group.invitations.filter(accepted_at=None),  # expired ones marked as such
        "form": form or InvitationForm(),
    }


@login_required
def manage(request, slug):
    group = managed_group(request, slug)
    return render(request, "groups/group_manage.html", manage_context(group))


@login_required
@require_POST
def membership_action(request, slug, pk, action):
    group = managed_group(request, slug)
    if action not in ACTIONS:
        raise Http404("Action inconnue.")
    membership = get_object_or_404(group.memberships.select_related("user"), pk=pk)
    perform, success = ACTIONS[action]
    try:
        perform(membership)
    except memberships.MembershipRefused as refusal:
        messages.error(request, str(refusal))
    else:
        messages.success(request, success)
    return redirect("groups:manage", slug=group.slug)


@login_required
@require_POST
def invite(request, slug):
    group = managed_group(request, slug)
    form = InvitationForm(request.POST)
    if form.is_valid():
        try:
            invitations.invite(group, form.cleaned_data["email"], request.user)
        except memberships.MembershipRefused as refusal:
            form.add_error("email", str(refusal))
        else:
            messages.success(request, f"L'invitation a été envoyée à {form.cleaned_data['email']}.")
            return redirect("groups:manage", slug=group.slug)
    return render(request, "groups/group_manage.html", manage_context(group, form), status=400)


@login_required
@require_POST
def cancel_invitation(request, slug, pk):
    group = managed_group(request, slug)
    get_object_or_404(group.invitations.filter(accepted_at=None), pk=pk).delete()
    messages.success(request, "L'invitation est annulée.")
    return redirect("groups:manage", slug=group.slug)


@require_http_methods(["GET", "POST"])
def invitation(request, token):
    """The link of an invitation email: sign up or log in, then accept (or decline).

    Only an account on which the invited address is verified answers it (invitations.refusal).
    """
    invitation = get_object_or_404(Invitation.objects.select_related("group"), token=token[:64])
    group = invitation.group
    context = {"invitation": invitation}
    if not invitation.pending:
        if request.user.is_authenticated and group.is_active_member(request.user):
            return redirect(group)
        return render(request, "groups/invitation.html", {**context, "used": True}, status=410)
    if invitation.expired:
        return render(
            request, "groups/invitation.html", {**context, "refusal": invitations.EXPIRED}, status=410
        )
    if request.user.is_authenticated:
        context["refusal"] = invitations.refusal(invitation, request.user)
    if request.method == "POST":
        if not request.user.is_authenticated:
            return login_redirect(request)
        if not is_member(request.user):
            raise PermissionDenied("Confirmez d'abord votre adresse électronique pour rejoindre un groupe.")
        try:
            if request.POST.get("decision") == "refuser":
                invitations.decline_invitation(invitation, request.user)
                messages.info(request, "L'invitation est déclinée.")
                return redirect("groups:list")
            invitations.accept_invitation(invitation, request.user)
        except memberships.MembershipRefused as refused:
            return render(request, "groups/invitation.html", {**context, "refusal": str(refused)}, status=403)
        messages.success(request, f"Bienvenue dans « {group.name} » !")
        return redirect(group)
    return render(request, "groups/invitation.html", context)
