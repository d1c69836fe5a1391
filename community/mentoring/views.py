"""Pages of « Grandir »: my statements, find a mentor, my requests, and the mission offers."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from community.members.membership import profile_of
from community.members.models import Member
from core.security.login import login_required

from .contact_requests import RequestRefused, answer_request, requests_of, send_request
from .forms import MentoringProfileForm, MentoringRequestForm, MissionOfferForm
from .models import MentoringProfile, MentoringRequest, MissionOffer
from .offers import may_manage, offer_listing, offers_seen_by, team_startups
from .suggestions import may_be_asked, profile_of_member, suggest_mentors


@login_required
@require_http_methods(["GET", "POST"])
def my_mentoring(request):
    """The requester's own statements: no id travels in the form."""
    member = profile_of(request.user)
    profile, _ = MentoringProfile.objects.get_or_create(member=member)
    form = MentoringProfileForm(request.POST or None, instance=profile)
    if request.method == "POST" and form.is_valid():
        profile = form.save()
        # The directory's « disponible pour du mentorat » follows what the member shows here.
        member.mentoring = profile.offers_help
        member.save(update_fields=["mentoring"])
        messages.success(request, "Vos choix de mentorat et de mobilité ont été enregistrés.")
        return redirect("mentoring_find")
    return render(request, "mentoring/my_mentoring.html", {"form": form, "member": member})


@login_required
def find_mentor(request):
    member = profile_of(request.user)
    profile = profile_of_member(member)
    return render(
        request,
        "mentoring/find_mentor.html",
        {
            "member": member,
            "suggestions": suggest_mentors(member),
            "has_wishes": bool(profile and (profile.seeking_skills or profile.seeking_thematiques.exists())),
        },
    )


def _mentor(slug) -> Member:
    if "\x00" in slug:
        raise Http404("Ce membre n'existe pas.")
    return get_object_or_404(Member, slug=slug)


@login_required
@require_http_methods(["GET", "POST"])
def request_mentor(request, slug):
    member, mentor = profile_of(request.user), _mentor(slug)
    suggestion = may_be_asked(member, mentor)
    if suggestion is None:
        raise Http404("Cette personne ne peut pas recevoir de demande de votre part.")
    form = MentoringRequestForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if not form.within_rate_limit(request):
            status = 429
        elif form.is_bot():
            messages.success(request, "Votre demande a été envoyée.")
            return redirect("mentoring_requests")
        elif form.is_valid():
            try:
                send_request(member, mentor, form.cleaned_data["message"], request)
            except RequestRefused as refusal:
                form.add_error(None, str(refusal))
                status = 400
            else:
                messages.success(
                    request,
                    f"Votre demande a été envoyée à {mentor.full_name}, "
                    "qui pourra l'accepter ou la décliner.",
                )
                return redirect("mentoring_requests")
        else:
            status = 400
    context = {"form": form, "mentor": mentor, "suggestion": suggestion}
    return render(request, "mentoring/request_form.html", context, status=status)


@login_required
def my_requests(request):
    received, sent = requests_of(profile_of(request.user))
    return render(
        request,
        "mentoring/my_requests.html",
        {"received": received, "sent": sent, "ACCEPTED": MentoringRequest.ACCEPTED},
    )


@login_required
@require_POST
def answer(request, pk):
    member = profile_of(request.user)
    sent = get_object_or_404(MentoringRequest, pk=pk, mentor=member)
    decision = request.POST.get("decision")
    if decision not in ("accepter", "decliner"):
        messages.error(request, "Choisissez d'accepter ou de décliner la demande.")
        return redirect("mentoring_requests")
    try:
        answer_request(sent, member, accept=decision == "accepter", request=request)
    except RequestRefused as refusal:
        messages.error(request, str(refusal))
    else:
        messages.success(
            request,
            "Demande acceptée : votre adresse a été transmise."
            if decision == "accepter"
            else "Demande déclinée : la personne en est informée.",
        )
    return redirect("mentoring_requests")


@login_required
def offer_list(request):
    member = profile_of(request.user)
    context = offer_listing(request).context()
    context.update(
        my_startups=team_startups(member),
        my_offers=MissionOffer.objects.filter(startup__in=team_startups(member).values("pk")).select_related(
            "startup"
        ),
    )
    return render(request, "mentoring/offer_list.html", context)


@login_required
def offer_detail(request, pk):
    member = profile_of(request.user)
    offer = get_object_or_404(offers_seen_by(member).select_related("startup", "role", "posted_by"), pk=pk)
    return render(
        request, "mentoring/offer_detail.html", {"offer": offer, "can_edit": may_manage(member, offer)}
    )


@login_required
@require_http_methods(["GET", "POST"])
def offer_edit(request, pk=None):
    """Create (no pk) or edit an offer of one of the member's own startups."""
    member = profile_of(request.user)
    startups = team_startups(member)
    offer = None
    if pk is not None:
        offer = get_object_or_404(MissionOffer, pk=pk)
        if not may_manage(member, offer):
            raise Http404("Cette offre n'existe pas.")
    elif not startups.exists():
        messages.error(
            request, "Seule l'équipe d'une startup (mission validée en cours) peut publier une offre."
        )
        return redirect("mission_offers")
    form = MissionOfferForm(request.POST or None, instance=offer, startups=startups)
    if request.method == "POST" and form.is_valid():
        offer = form.save(commit=False)
        if offer.posted_by_id is None:
            offer.posted_by = member
        offer.save()
        messages.success(request, "L'offre a été enregistrée.")
        return redirect("mission_offer", pk=offer.pk)
    status = 400 if request.method == "POST" else 200
    return render(request, "mentoring/offer_form.html", {"form": form, "offer": offer}, status=status)
