"""The admin reports' URLs (core.exports.report_urls): each keeps its page and results URLs and names."""

from django.urls import resolve, reverse

import pytest

# (URL name, path under /admin/, view class name): as they were before the wiring was shared.
REPORTS = [
    ("community_feedback_report", "avis/", "FeedbackReportView"),
    ("mentoring_report", "mentorat/", "MentoringReportView"),
    ("health_dashboard", "sante-communaute/", "HealthDashboardView"),
    ("community_onboarding_statistics", "parcours-suivi/", "OnboardingStatisticsView"),
    ("community_onboarding_exit_questionnaire", "questionnaire-depart/", "ExitQuestionnaireView"),
    ("startups_import_issues", "rapports/qualite-donnees-importees/", "ImportIssuesView"),
    ("library_contributions_report", "rapports/contributions/", "ContributionsReportView"),
    ("search_zero_results", "recherches/", "ZeroResultReportView"),
    ("guides_overdue_report", "rapports/guides-a-relire/", "OverdueGuidesReportView"),
    ("guides_import_issues", "rapports/qualite-guides-importes/", "GuideImportIssuesView"),
    ("correction_proposals_admin", "propositions/", "ProposalsReportView"),
    ("guides_variants_report", "rapports/variantes-a-relire/", "VariantsToReviewReportView"),
]


@pytest.mark.parametrize(("name", "prefix", "view_name"), REPORTS)
def test_report_page_and_results_urls(name, prefix, view_name):
    assert reverse(name) == f"/admin/{prefix}"
    assert reverse(f"{name}_results") == f"/admin/{prefix}resultats/"
    page, results = resolve(f"/admin/{prefix}"), resolve(f"/admin/{prefix}resultats/")
    assert page.func.view_class.__name__ == results.func.view_class.__name__ == view_name
    assert page.func.view_initkwargs == {}
    assert results.func.view_initkwargs == {"results_only": True}


def test_feedback_per_page_report_urls():
    assert reverse("community_feedback_page", args=[7]) == "/admin/avis/7/"
    assert reverse("community_feedback_page_results", args=[7]) == "/admin/avis/7/resultats/"
    assert resolve("/admin/avis/7/resultats/").func.view_initkwargs == {"results_only": True}
