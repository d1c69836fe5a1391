"""Views of guide upkeep: a member proposes an improvement from a guide page, coaches read them in the
admin, and a coach confirms « Relu, rien à changer » from the weekly digest."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from wagtail.admin.views.reports import ReportView

from community.members.models import CONTRIBUTE_PERMISSION
from core.exports import ReportAccessMixin, SafeExportMixin
from core.security.login import login_redirect

from .forms import ImprovementForm
from .improvements import can_review_proposals, proposals_for, propose_improvement
from .models import GuidePage
from .reviews import ReviewRefused, read_review_token, record_review


@require_POST
def improve(request, page_id):
    """ "Proposer une amélioration" on a guide page: reaches the guide's coach in the admin."""
    guide = GuidePage.objects.live().public().filter(pk=page_id).first()
    if guide is None:
        raise Http404("Ce guide n'existe pas ou n'est pas publié.")
    if not request.user.is_authenticated:
        return login_redirect(request, guide.url)
    if not request.user.has_perm(CONTRIBUTE_PERMISSION):
        return render(request, "403_contribution.html", status=403)
    form = ImprovementForm(request.POST)
    template = "guides/improvement_form.html"
    context = {"page": guide}
    if not form.within_rate_limit(request):
        return render(request, template, {**context, "form": form}, status=429)
    if form.is_bot():
        messages.success(request, "Merci, votre proposition a été transmise au coach de ce guide.")
        return redirect(guide.url)
    if not form.is_valid():
        return render(request, template, {**context, "form": form}, status=400)
    propose_improvement(guide, request.user, form.cleaned_data["text"], request=request)
    messages.success(request, "Merci, votre proposition a été transmise au coach de ce guide.")
    return redirect(guide.url)


def author_label(proposal) -> str:
    author = proposal.author
    if author is None:
        return "compte supprimé"
    return f"{author.get_full_name() or author.username} ({author.email})"


class ProposalsReportView(ReportAccessMixin, SafeExportMixin, ReportView):
    """Admin: coaches see the proposals on their guides; a POST marks one as dealt with (or not)."""

    template_name = "guides/admin/proposals.html"
    results_template_name = "guides/admin/proposals_results.html"
    page_title = "Propositions d'amélioration"
    header_icon = "edit"
    index_url_name = "correction_proposals_admin"
    index_results_url_name = "correction_proposals_admin_results"
    list_export = ["page.title", "page.url_path", "text", "author", "created_at", "done"]
    export_headings = {
        "page.title": "Page",
        "page.url_path": "Chemin de la page",
        "text": "Proposition",
        "author": "Proposé par",
        "created_at": "Reçue le",
        "done": "État",
    }
    export_filename = "propositions-amelioration"

    can_view = staticmethod(can_review_proposals)

    def get_queryset(self):
        return proposals_for(self.request.user)

    def to_row_dict(self, item):
        row = super().to_row_dict(item)
        row["author"] = author_label(item)
        row["done"] = "traitée" if item.done else "à traiter"
        return row

    def post(self, request, *args, **kwargs):
        proposal = get_object_or_404(proposals_for(request.user), pk=request.POST.get("proposal"))
        proposal.done = request.POST.get("done") == "1"
        proposal.save(update_fields=["done"])
        return redirect("correction_proposals_admin")


@require_http_methods(["GET", "POST"])
def guide_reviewed(request, token):
    """« Relu, rien à changer »: GET shows the button, POST records the review (reviews.py)."""
    try:
        guide, coach = read_review_token(token)
    except ReviewRefused as refusal:
        return render(request, "guides/review_refused.html", {"reason": str(refusal)}, status=400)
    done = request.method == "POST"
    if done:
        guide = record_review(guide, coach)
    return render(
        request, "guides/review_confirm.html", {"guide": guide, "coach": coach, "done": done, "token": token}
    )
