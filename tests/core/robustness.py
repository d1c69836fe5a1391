"""Shared pieces of the robustness tests: a compact site with every public form, hostile values, checks.

The site is built with factories (a few hundred milliseconds) rather than `load_demo` (several
seconds), so the property-based tests stay within their time budget.
"""

import logging
from urllib.parse import quote, quote_from_bytes

from django.apps import apps
from django.contrib.auth.models import Group
from django.core.cache import cache, caches

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

from home.models import KeyFiguresPage
from resources.library.models import ContributionPage
from tests.community.members.factories import make_user
from tests.community.onboarding.factories import OnboardingIndexPageFactory, make_path
from tests.community.startups.factories import AudienceFactory, OrganisationFactory, incubator, startup
from tests.core.factories import published_child
from tests.core.taxonomy.factories import PhaseFactory, RoleFactory, ThematiqueFactory
from tests.resources.guides.factories import GuideIndexPageFactory, GuidePageFactory
from tests.resources.library.factories import (
    ResourceIndexPageFactory,
    ResourceKindFactory,
    ResourcePageFactory,
)

# Every example of every property test: reproducible (CI profile, see conftest), no per-example
# deadline (a shared 2-core machine), function-scoped fixtures built once per test on purpose.
PROPERTY_SETTINGS = settings(
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

# Values that have broken web applications before: each is tried explicitly, then mixed with random text.
HOSTILE_STRINGS = [
    "",
    " ",
    "\x00",
    "a\x00b",
    "\x01\x02\x1b[31m\x7f",
    "\r\nSet-Cookie: x=1",
    "\u202e\u200b\ufeff",
    "' OR '1'='1' --",
    "1; DROP TABLE community_member; --",
    '"; SELECT pg_sleep(1); --',
    "%",
    "_",
    "\\",
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "{{ 7*7 }}{% debug %}",
    "javascript:alert(1)",
    "-1",
    "0",
    "1e9",
    "99999999999999999999999",
    "²",
    "١٢",
    "NaN",
    "2024-13-45",
    "31/02/2024",
    "[]",
    "{}",
    "null",
    "true",
    "a" * 10_000,
    "é" * 3000,
    "😀" * 500,
]

hostile_text = st.one_of(st.sampled_from(HOSTILE_STRINGS), st.text(max_size=300))
# One value, or a list where a scalar is expected (the same parameter repeated).
hostile_value = st.one_of(hostile_text, st.lists(hostile_text, min_size=2, max_size=4))


@st.composite
def raw_query_value(draw):
    """A percent-encoded value, possibly invalid UTF-8 (`%ff%fe`), as a browser or a bot could send."""
    if draw(st.booleans()):
        return quote_from_bytes(draw(st.binary(max_size=60)), safe="")
    return quote(draw(hostile_text), safe="")


def query_string(draw, params) -> str:
    """A query string over these parameter names, some repeated, some raw bytes, some unknown."""
    pairs = []
    for name in draw(st.lists(st.sampled_from([*params, "inconnu", "page"]), max_size=8)):
        pairs.append(f"{name}={draw(raw_query_value())}")
    return "&".join(pairs)


def flatten(value) -> list[str]:
    return value if isinstance(value, list) else [value]


# --- Checks -----------------------------------------------------------------------------------


def assert_handled(response, caplog):
    """Never a server error, and nothing logged at ERROR level (an exception the client never saw)."""
    assert response.status_code < 500, response.content[:500]
    errors = [record for record in caplog.records if record.levelno >= logging.ERROR]
    assert not errors, [record.getMessage() for record in errors]


WATCHED_MODELS = [
    "wagtailcore.Page",
    "wagtailcore.Revision",
    "wagtailcore.WorkflowState",
    "wagtaildocs.Document",
    "wagtailimages.Image",
    "members.Member",
    "members.User",
    "feedback.PageFeedback",
    "guides.CorrectionProposal",
    "onboarding.OnboardingProgress",
    "account.EmailAddress",
]


def row_counts() -> dict[str, int]:
    """Row counts of every model a public form can write to."""
    return {label: apps.get_model(label).objects.count() for label in WATCHED_MODELS}


def fresh_example(caplog):
    """Each example starts with empty rate-limit counters and no captured log records."""
    cache.clear()
    caches["ratelimit"].clear()
    caplog.clear()


# --- A compact site -----------------------------------------------------------------------------


def build_site(home) -> dict:
    """Every section that has a public form, filter or search parameter, with a little content."""
    phase = PhaseFactory(slug="construction", name="Construction")
    role = RoleFactory(slug="developpeur", name="Développeur")
    thematique = ThematiqueFactory(slug="sante", name="Santé")
    kind = ResourceKindFactory(slug="outil", name="Outil")
    guides = GuideIndexPageFactory(parent=home)
    guide = GuidePageFactory(parent=guides, title="Conduire un entretien", slug="entretien")
    resources = ResourceIndexPageFactory(parent=home)
    resource = ResourcePageFactory(parent=resources, title="Grille d'entretien", kind=kind)
    resource.phases.set([phase])
    resource.roles.set([role])
    resource.save()
    dinum = incubator(home, "dinum", "Incubateur de la DINUM")
    alpha = startup(
        home,
        "Alpha",
        phases=[(phase, "2024-01-15")],
        incubator=dinum,
        sponsors=[OrganisationFactory(slug="dinum", name="DINUM")],
        thematiques=[thematique],
        audiences=[AudienceFactory(slug="agents", name="Agents")],
        mission="Simplifier les démarches.",
    )
    onboarding = OnboardingIndexPageFactory(parent=home)
    path = make_path(onboarding, "Développeur", roles=[role], steps=[("jour", "Lire le guide", True)])
    contribuer = published_child(home, ContributionPage(title="Contribuer", slug="contribuer"))
    chiffres = published_child(home, KeyFiguresPage(title="Chiffres", slug="chiffres"))
    member = make_user("membre.robuste")
    Group.objects.get_or_create(name="Membres")
    return {
        "home": home,
        "guide": guide,
        "resources": resources,
        "resource": resource,
        "startup": alpha,
        "incubator": dinum,
        "onboarding": onboarding,
        "path": path,
        "step": path.steps.get(),
        "contribuer": contribuer,
        "chiffres": chiffres,
        "kind": kind,
        "phase": phase,
        "role": role,
        "thematique": thematique,
        "member_user": member,
    }
