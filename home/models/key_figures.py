"""The "Chiffres" page: the network in numbers, as accessible bar charts and tables."""

from community.discussions.figures import discussion_figures
from community.feedback.satisfaction import overall_satisfaction
from community.health.figures import health_figures
from community.startups import figures
from core.pages import BasePage
from resources.search.figures import zero_result_share

from ..problems import resolved_problems


class KeyFiguresPage(BasePage):
    """Key figures about startups (by phase, incubator, thématique, year), computed on each view."""

    max_count = 1
    parent_page_types = ["home.HomePage"]
    subpage_types = []

    class Meta:
        verbose_name = "page des chiffres clés"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(
            total=figures.live_startups().count(),
            by_phase=figures.startups_by_phase(),
            by_incubator=figures.startups_by_incubator(),
            by_thematique=figures.startups_by_thematique(),
            per_year=figures.phases_started_per_year(),
            satisfaction=overall_satisfaction(),
            discussions=discussion_figures(),
            health=health_figures(),
            resolved=resolved_problems(),
            zero_result_share=zero_result_share(),
        )
        return context
