"""Receives "Cette page vous a-t-elle été utile ?" answers from any page's feedback component."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from wagtail.models import Page

from .forms import FeedbackForm
from .models import PageFeedback

THANKS = "Merci, votre avis a été enregistré : il aide les coachs à améliorer cette page."


def _page_from(value) -> Page | None:
    try:
        return Page.objects.live().public().filter(pk=int(value)).first()
    except (TypeError, ValueError):
        return None


@require_POST
def submit_feedback(request):
    """CSRF-protected (middleware), rate-limited, honeypot; errors re-shown next to their field."""
    form = FeedbackForm(request.POST)
    page = _page_from(request.POST.get("page"))
    if not form.within_rate_limit(request):
        return render(
            request, "feedback/feedback_form.html", {"feedback_form": form, "page": page}, status=429
        )
    if form.is_bot():
        # Bots get the same answer as people, and nothing is stored.
        messages.success(request, THANKS)
        return redirect(page.url if page else "/")
    if form.is_valid() and page is None:
        form.add_error(
            None, "Cette page n'existe pas ou n'est pas publiée : votre avis n'a pas pu être enregistré."
        )
    if not form.is_valid():
        return render(
            request, "feedback/feedback_form.html", {"feedback_form": form, "page": page}, status=400
        )
    PageFeedback.objects.create(
        page=page,
        useful=form.cleaned_data["useful"],
        comment=form.cleaned_data["comment"].strip(),
        user=request.user if request.user.is_authenticated else None,
    )
    messages.success(request, THANKS)
    return redirect(f"{page.url}#avis")
