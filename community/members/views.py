"""Member directory, member profile page, and the owner's profile: fiche, claim and missions."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

from core.security.login import login_required
from core.text import clean_query

from .claims import ClaimRefused, candidate_fiches, pending_claims_of, request_claim, unclaimed_fiches
from .directory import directory_listing
from .forms import ClaimForm, EmailPreferencesForm, EndMissionForm, MissionForm, ProfileForm
from .membership import profile_of
from .missions import ReviewRefused, declare_mission, end_mission, missions_of, withdraw_mission
from .models import Member, Mission, User
from .subscriptions import (
    KIND_LABELS,
    InvalidUnsubscribeLink,
    is_digest_staff,
    preferences_of,
    read_unsubscribe_token,
    unsubscribe,
)


@login_required
def directory(request):
    """Logged-in members only; the template never prints an email address."""
    context = directory_listing(request).context()
    return render(request, "members/member_directory.html", context)


def is_owner(request, member) -> bool:
    return request.user.is_authenticated and member.user_id == request.user.pk


def member_detail(request, slug):
    """Public profile; the email address is shown to logged-in visitors only."""
    if "\x00" in slug:
        # PostgreSQL refuses NUL in a text comparison (a 500); no identifier can contain one.
        raise Http404("Ce membre n'existe pas.")
    member = get_object_or_404(Member.objects.select_related("user").prefetch_related("roles"), slug=slug)
    show_email = request.user.is_authenticated and member.user is not None
    return render(
        request,
        "members/member_detail.html",
        {
            "member": member,
            # Others see validated missions only; the owner also sees what waits for their coach.
            "missions": missions_of(member)
            if is_owner(request, member)
            else missions_of(member).filter(validation=Mission.VALIDATED),
            "email": member.user.email if show_email else "",
            "is_owner": is_owner(request, member),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def profile_edit(request):
    """The requester's own profile: no id travels in the form, so no one else's can be edited."""
    member = profile_of(request.user)
    form = ProfileForm(request.POST or None, instance=member)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, "Votre profil a été enregistré.")
        return redirect("member_detail", slug=member.slug)
    return render(request, "members/member_form.html", profile_context(request, member, form=form))


def profile_context(request, member, **extra) -> dict:
    """The profile page: the form, the fiche search (« Êtes-vous … ? ») and the missions."""
    query = clean_query(request.GET.get("fiche", ""))
    return {
        "member": member,
        "fiche_query": query,
        "candidates": candidate_fiches(query) if query and not member.is_imported else [],
        "pending_claims": pending_claims_of(request.user),
        "missions": missions_of(member),
        "claim_form": ClaimForm(fiches=Member.objects.none()),
        "email_form": EmailPreferencesForm(
            instance=preferences_of(request.user), is_staff_member=is_digest_staff(request.user)
        ),
        **extra,
    }


@login_required
@require_POST
def claim_fiche(request):
    """« C'est moi » on a search result: a request a coach or an administrator decides."""
    form = ClaimForm(request.POST, fiches=unclaimed_fiches())
    if form.is_valid():
        try:
            request_claim(request.user, form.cleaned_data["fiche"], form.cleaned_data["message"])
        except ClaimRefused as refusal:
            messages.error(request, str(refusal))
        else:
            messages.success(
                request,
                "Votre demande est enregistrée : un ou une coach de votre incubateur la validera, vous "
                "recevrez un courriel.",
            )
        return redirect("profile_edit")
    for errors in form.errors.values():
        for error in errors:
            messages.error(request, error)
    return redirect("profile_edit")


@login_required
@require_http_methods(["GET", "POST"])
def mission_add(request):
    member = profile_of(request.user)
    form = MissionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        declare_mission(member, form)
        messages.success(
            request,
            "Mission enregistrée : elle apparaîtra sur la page de la startup une fois validée par son coach.",
        )
        return redirect("profile_edit")
    return render(request, "members/mission_form.html", {"form": form, "member": member})


def own_mission(request, pk) -> Mission:
    """Only the requester's own missions: anyone else's is a 404."""
    return get_object_or_404(Mission.objects.select_related("startup"), pk=pk, member__user=request.user)


@login_required
@require_http_methods(["GET", "POST"])
def mission_end(request, pk):
    mission = own_mission(request, pk)
    form = EndMissionForm(request.POST or None, mission=mission, initial={"end": mission.end})
    if request.method == "POST" and form.is_valid():
        end_mission(mission, form.cleaned_data["end"])
        messages.success(request, "La fin de votre mission est enregistrée.")
        return redirect("profile_edit")
    return render(request, "members/mission_end.html", {"form": form, "mission": mission})


@login_required
@require_POST
def mission_withdraw(request, pk):
    mission = own_mission(request, pk)
    try:
        withdraw_mission(mission)
    except ReviewRefused as refusal:
        messages.error(request, str(refusal))
    else:
        messages.success(request, "La mission en attente a été retirée.")
    return redirect("profile_edit")


@login_required
@require_POST
def email_preferences(request):
    """« Mes courriels »: which digests and reminders this account receives."""
    form = EmailPreferencesForm(
        request.POST, instance=preferences_of(request.user), is_staff_member=is_digest_staff(request.user)
    )
    if form.is_valid():
        form.save()
        messages.success(request, "Vos préférences de courriels ont été enregistrées.")
        return redirect("profile_edit")
    member = profile_of(request.user)
    return render(request, "members/member_form.html", profile_context(request, member, email_form=form))


# Mail clients POST here without cookies or CSRF token (RFC 8058 one-click): the signed token alone
# says who and what; it can only turn an email off. GET never changes anything (link scanners).
@csrf_exempt
@require_http_methods(["GET", "POST"])
def email_unsubscribe(request, token):
    """One-click unsubscribe from one kind of digest or reminder, no login needed."""
    try:
        user_id, kind = read_unsubscribe_token(token)
        user = User.objects.get(pk=user_id)
    except (InvalidUnsubscribeLink, User.DoesNotExist):
        return render(request, "members/unsubscribe_invalid.html", status=404)
    done = request.method == "POST"
    if done:
        unsubscribe(user, kind)
    context = {"kind_label": KIND_LABELS[kind], "done": done, "token": token}
    return render(request, "members/unsubscribe.html", context)
