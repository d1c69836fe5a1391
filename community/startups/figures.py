"""Counts of startups behind the "Chiffres" page and the home page's headline figures (one source)."""

from collections import Counter

from django.db.models import Count, Q
from django.db.models.functions import ExtractYear
from django.utils import timezone

from core.taxonomy.models import Phase, Thematique

from .models import IncubatorPage, StartupPage, StartupPhase


def live_startups():
    return StartupPage.objects.live().public()


def _rows(items):
    """Rows with a share of the largest value, for CSS bars (the numbers stay in the table)."""
    items = [(label, value, slug) for label, value, slug in items if value]
    top = max((value for _, value, _ in items), default=0)
    return [
        {"label": label, "value": value, "slug": slug, "percent": round(100 * value / top) if top else 0}
        for label, value, slug in items
    ]


def startups_by_phase():
    ids = live_startups().values("pk")
    # Meta.ordering does not apply to aggregate queries: order explicitly.
    phases = Phase.objects.annotate(n=Count("current_startups", filter=Q(current_startups__in=ids)))
    phases = phases.order_by("order", "name")
    return _rows((phase.name, phase.n, phase.slug) for phase in phases)


def startups_by_incubator():
    ids = live_startups().values("pk")
    incubators = (
        IncubatorPage.objects.live()
        .annotate(n=Count("startups", filter=Q(startups__in=ids)))
        .order_by("-n", "title")
    )
    return _rows((incubator.title, incubator.n, incubator.slug) for incubator in incubators)


def startups_by_thematique():
    ids = live_startups().values("pk")
    terms = Thematique.objects.annotate(n=Count("startups", filter=Q(startups__in=ids)))
    terms = terms.order_by("-n", "name")
    return _rows((term.name, term.n, term.slug) for term in terms)


def phases_started_per_year():
    """Per year, how many phases started (phases dated in the future are not counted)."""
    today = timezone.localdate()
    rows = (
        StartupPhase.objects.filter(page__in=live_startups().values("pk"), start__lte=today)
        .annotate(year=ExtractYear("start"))
        .values("year", "phase__slug")
        .annotate(n=Count("pk"))
    )
    per_year, per_phase = Counter(), {}
    for row in rows:
        per_year[row["year"]] += row["n"]
        per_phase[(row["year"], row["phase__slug"])] = row["n"]
    phases = list(Phase.objects.filter(slug__in={slug for _, slug in per_phase}).order_by("order", "name"))
    years = _rows((str(year), per_year[year], str(year)) for year in sorted(per_year))
    for year in years:
        year["by_phase"] = [per_phase.get((int(year["label"]), phase.slug), 0) for phase in phases]
    return {"phases": phases, "years": years}


def home_figures():
    """The main figures for the home page: incubators and startups still being built."""
    startups = live_startups()
    return [
        {"label": "incubateurs", "value": IncubatorPage.objects.live().public().count()},
        {
            "label": "startups en activité",
            "value": startups.filter(current_phase__in=Phase.objects.active()).count(),
        },
    ]
