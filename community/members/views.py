"""Member directory, member profile page and the owner's profile form."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods

from core.security.login import login_required

from .directory import directory_listing
from .forms import ProfileForm
from .membership import profile_of
from .models import Member


@login_required
def directory(request):
    """Logged-in members only; the template never prints an email address."""
    context = directory_listing(request).context()
    return render(request, "members/member_directory.html", context)


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
            "missions": member.missions.select_related("startup").order_by("-start"),
            "email": member.user.email if show_email else "",
            "is_owner": request.user.is_authenticated and member.user_id == request.user.pk,
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
    return render(request, "members/member_form.html", {"form": form, "member": member})
