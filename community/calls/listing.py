"""The `/appels/` listing: live, public calls, filtered by incubator and status from the query string.

Two short filters (the network has a few incubators that publish calls, and three statuses): a plain
GET form, so a filtered list can be shared and works without JavaScript.
"""

from django.apps import apps
from django.utils import timezone

from .status import CLOSED, OPEN, STATUS_LABELS, UPCOMING, status_filter


def open_calls(today=None):
    """Open calls anywhere on the site, soonest deadline first (the home page's banner)."""
    return (
        call_model()
        .objects.live()
        .public()
        .filter(status_filter(OPEN, today or timezone.localdate()))
        .select_related("incubator")
        .order_by("deadline", "pk")
    )


def call_model():
    # The page model, reached through the app registry: this module is imported by the models.
    return apps.get_model("calls", "CallPage")


def call_listing(request, index_page) -> dict:
    model = call_model()
    calls = model.objects.child_of(index_page).live().public().select_related("incubator")
    incubators = (
        model._meta.get_field("incubator")
        .related_model.objects.filter(pk__in=calls.values("incubator_id"))
        .order_by("title")
    )
    incubator_slug = request.GET.get("incubateur", "")[:100]
    status = request.GET.get("statut", "")
    if incubator_slug:
        calls = calls.filter(incubator__slug=incubator_slug)
    if status in STATUS_LABELS:
        calls = calls.filter(status_filter(status))
    return {
        "calls": calls.order_by("-deadline", "title"),
        "incubator_choices": [(incubator.slug, incubator.title) for incubator in incubators],
        "status_choices": [(key, STATUS_LABELS[key]) for key in (OPEN, UPCOMING, CLOSED)],
        "selected_incubator": incubator_slug,
        "selected_status": status if status in STATUS_LABELS else "",
    }
