"""The public side of groups: the list, a group's page, creating one, joining, leaving, asking in.

A group the visitor may not read is a 404, never a 403: a private group's existence does not leak.
Members of the network who may not manage a group they can read get a 403 on the management views
(coordination.py).
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from core.security.login import login_required
from core.text import clean_query

from . import memberships, shared_resources
from .forms import GroupForm, ShareForm
from .invitations import pending_invitations_for
from .listing import group_listing, with_counts
from .models import Group, Membership, is_member

NOT_A_MEMBER = "Les groupes sont réservés aux membres du réseau dont l'adresse est vérifiée."


def readable_group(request, slug) -> Group:
    return get_object_or_404(Group.objects.readable_by(request.user), slug=slug)


def visible_group(request, slug) -> Group:
    """Readable, or a private group announced to members (its page then only invites to ask in)."""
    group = get_object_or_404(Group.objects.listed_for(request.user), slug=slug)
    return group


def group_list(request):
    context = group_listing(request).context()
    context["invitations"] = pending_invitations_for(request.user)
    context["can_create"] = is_member(request.user)
    return render(request, "groups/group_list.html", context)


def group_detail(request, slug):
    group = get_object_or_404(with_counts(Group.objects.listed_for(request.user)), slug=slug)
    user = request.user
    membership = group.membership_of(user)
    readable = group.can_read(user)
    active = group.memberships.filter(status=Membership.Status.ACTIVE).select_related("user__member")
    context = {
        "group": group,
        "membership": membership,
        "readable": readable,
        "is_group_member": membership is not None and membership.status == Membership.Status.ACTIVE,
        "can_moderate": group.can_moderate(user),
        "can_join": membership is None and group.can_join(user),
        "can_request": membership is None and group.is_announced_to(user),
        "coordinators": active.filter(role=Membership.Role.COORDINATOR).order_by("created_at", "pk"),
    }
    if readable:
        context["members"] = active.order_by("-role", "created_at", "pk") if is_member(user) else None
        context["shares"] = shared_resources.shares_readable_by(group, user)
        if context["can_moderate"]:
            context["pending_count"] = group.memberships.filter(status=Membership.Status.REQUESTED).count()
    return render(request, "groups/group_detail.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def group_create(request):
    if not is_member(request.user):
        raise PermissionDenied(NOT_A_MEMBER)
    form = GroupForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        group = memberships.create_group(form, request.user)
        messages.success(
            request, f"Le groupe « {group.name} » est créé : vous en êtes coordinatrice ou coordinateur."
        )
        return redirect(group)
    status = 400 if request.method == "POST" else 200
    return render(request, "groups/group_form.html", {"form": form, "creating": True}, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def group_edit(request, slug):
    group = readable_group(request, slug)
    if not group.can_moderate(request.user):
        raise PermissionDenied("Seules les personnes qui coordonnent ce groupe peuvent le modifier.")
    form = GroupForm(request.POST or None, instance=group)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, "Le groupe a été enregistré.")
        return redirect(group)
    status = 400 if request.method == "POST" else 200
    return render(request, "groups/group_form.html", {"form": form, "group": group}, status=status)


def _act(request, group, action, success: str, then=None):
    try:
        action()
    except memberships.MembershipRefused as refusal:
        messages.error(request, str(refusal))
        return redirect(group)
    messages.success(request, success)
    return redirect(then or group)


@login_required
@require_POST
def join(request, slug):
    group = readable_group(request, slug)
    return _act(
        request, group, lambda: memberships.join(group, request.user), f"Vous avez rejoint « {group.name} »."
    )


@login_required
@require_POST
def request_to_join(request, slug):
    group = visible_group(request, slug)
    if not group.is_announced_to(request.user):
        raise Http404("Ce groupe n'accepte pas de demande.")
    return _act(
        request,
        group,
        lambda: memberships.request_to_join(group, request.user),
        "Votre demande a été transmise aux personnes qui coordonnent le groupe.",
    )


@login_required
@require_POST
def leave(request, slug):
    group = visible_group(request, slug)
    return _act(
        request,
        group,
        lambda: memberships.leave(group, request.user),
        f"Vous avez quitté « {group.name} ».",
        then="groups:list",  # a private group is no longer readable once left
    )


# --- Shared resources -----------------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def share_resource(request, slug):
    """A member of the group finds a live resource by its title and shares it into the group."""
    group = readable_group(request, slug)
    if not group.can_post(request.user):
        raise PermissionDenied("Seuls les membres du groupe peuvent y partager une ressource.")
    if request.method == "POST":
        form = ShareForm(request.POST)
        if form.is_valid():
            return _act(
                request,
                group,
                lambda: shared_resources.share(group, form.cleaned_data["page"], request.user),
                "La ressource est partagée dans le groupe.",
            )
        messages.error(request, "Choisissez une ressource dans la liste.")
    query = clean_query(request.GET.get("q", ""))
    context = {
        "group": group,
        "query": query,
        "results": shared_resources.search_resources(request.user, query),
        "contribution_url": shared_resources.contribution_url(group),
    }
    return render(request, "groups/share_resource.html", context)


@login_required
@require_POST
def arrange_resource(request, slug, pk, action):
    """Coordinators pin, unpin, move and remove shared resources; a member removes what they shared."""
    group = readable_group(request, slug)
    shared = get_object_or_404(group.shared_resources, pk=pk)
    coordinator = group.can_moderate(request.user)
    if not (coordinator or (action == "retirer" and shared.shared_by_id == request.user.pk)):
        raise PermissionDenied("Seules les personnes qui coordonnent ce groupe peuvent épingler ou ordonner.")
    if action == "epingler":
        shared_resources.set_pinned(shared, True)
    elif action == "desepingler":
        shared_resources.set_pinned(shared, False)
    elif action in ("monter", "descendre"):
        shared_resources.move(shared, -1 if action == "monter" else 1)
    elif action == "retirer":
        shared.delete()
    else:
        raise Http404("Action inconnue.")
    return redirect(f"{group.get_absolute_url()}#ressources")
