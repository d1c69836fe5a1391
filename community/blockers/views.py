"""« Mes blocages » (/blocages/): a team declares and follows its blockers, coaches see their incubators'.

Every view needs an account and answers 404 for a blocker outside what the account may see, so its
existence does not leak (access.py).
"""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from core.security.login import login_required

from . import declarations
from .access import may_act, member_of, team_startup_ids, visible_declarations
from .forms import DeclareForm
from .models import DeclaredBlocker, RecommendationItem
from .recommendations import recommendations_for, recommended_item_ids


def _team_startups(user):
    model = DeclaredBlocker._meta.get_field("startup").related_model
    return model.objects.filter(pk__in=team_startup_ids(user)).order_by("title")


@login_required
def my_blockers(request):
    startups = _team_startups(request.user)
    form = DeclareForm(request.POST or None, startups=startups)
    if request.method == "POST" and startups.exists() and form.is_valid():
        declared = declarations.declare(
            request.user,
            member_of(request.user),
            form.cleaned_data["startup"],
            form.cleaned_data["blocker"],
            form.cleaned_data["note"],
        )
        messages.success(
            request, "Blocage déclaré : voici les recommandations qui correspondent à votre startup."
        )
        return redirect("blocker_detail", declared.pk)
    visible = visible_declarations(request.user)
    team_ids = team_startup_ids(request.user)
    context = {
        "form": form,
        "startups": startups,
        "team_blockers": visible.filter(startup_id__in=team_ids),
        "coached_blockers": visible.open()
        .exclude(startup_id__in=team_ids)
        .order_by("startup__title", "declared_at"),
    }
    return render(request, "blockers/my_blockers.html", context, status=400 if form.errors else 200)


@login_required
def blocker_detail(request, pk):
    declared = get_object_or_404(visible_declarations(request.user), pk=pk)
    context = {
        "declared": declared,
        "recommendations": recommendations_for(declared, request.user),
        "can_act": may_act(request.user, declared),
    }
    return render(request, "blockers/blocker_detail.html", context)


def _actionable(request, pk):
    declared = get_object_or_404(visible_declarations(request.user), pk=pk)
    if not may_act(request.user, declared) or not declared.is_open:
        raise Http404("Blocage introuvable ou clos")
    return declared


@login_required
@require_POST
def mark(request, pk, item_pk, mark):
    declared = _actionable(request, pk)
    if mark not in declarations.MARKS or item_pk not in recommended_item_ids(declared, request.user):
        raise Http404("Recommandation introuvable")
    declarations.toggle_mark(declared, get_object_or_404(RecommendationItem, pk=item_pk), mark)
    return redirect("blocker_detail", declared.pk)


@login_required
@require_POST
def close(request, pk):
    declared = _actionable(request, pk)
    declarations.close(declared, member_of(request.user))
    messages.success(request, "Blocage résolu : il compte parmi les problèmes résolus du réseau.")
    return redirect("my_blockers")
