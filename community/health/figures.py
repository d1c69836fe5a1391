"""The community's health in figures, for /chiffres/ (home) and the community lead's dashboard."""

from . import nps
from .contributions import contributor_share
from .usefulness import usefulness_by_page_type

CONTRIBUTION_TARGET = 10  # « règle des 10 % »


def health_figures(today=None) -> dict:
    return {
        "nps_trend": nps.trend(today),
        # Groups under the minimum are left out entirely: even their existence says little worth a risk.
        "nps_by_role": [group for group in nps.by_role(today) if group.shown],
        "nps_by_incubator": [group for group in nps.by_incubator(today) if group.shown],
        "nps_minimum": nps.MINIMUM_GROUP,
        "usefulness": usefulness_by_page_type(today),
        "contributors": {**contributor_share(today), "target": CONTRIBUTION_TARGET},
    }


def export_rows(figures: dict) -> list[dict]:
    """Every figure as one flat row (indicator, group, period, answers, value), for the spreadsheet."""
    rows = []
    for kind, groups in (
        ("NPS par trimestre", figures["nps_trend"]),
        ("NPS par rôle (12 mois)", figures["nps_by_role"]),
        ("NPS par incubateur (12 mois)", figures["nps_by_incubator"]),
    ):
        for item in groups:
            value = item.nps if item.shown else f"masqué (moins de {figures['nps_minimum']} réponses)"
            rows.append({"indicator": kind, "group": item.label, "answers": item.answers, "value": value})
    for row in figures["usefulness"]["rows"]:
        rows.append(
            {
                "indicator": "Pages utiles (%), 12 mois",
                "group": row["label"],
                "answers": row["total"],
                "value": row["rate"],
            }
        )
    share = figures["contributors"]
    rows.append(
        {
            "indicator": "Membres ayant contribué en 12 mois (%)",
            "group": "Tous les membres",
            "answers": share["members"],
            "value": share["share"],
        }
    )
    return rows
