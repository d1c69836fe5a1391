"""The Wagtail admin at size, signed in as a coach (not a superuser): p95 and SQL queries.

    DATABASE_URL=postgres://…/bench_10x .venv/bin/python bench/admin.py [--repeat 10]

Wagtail's known slow spots: the page explorer of a section with thousands of children (the
resource library after bench/populate.py), the admin page search, and the edit view of a page in a
workflow (the script starts « Relecture coach » on a guide page if none is in progress). The coach
is `bench-coach`, created here in the « Coachs » group. Target: every view under 1 s.
"""

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from measure import Clock, emit, machine_line, setup_django, timed_get  # noqa: E402

setup_django()

from django.contrib.auth import get_user_model  # noqa: E402
from django.contrib.auth.models import Group  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import override_settings  # noqa: E402

from wagtail.models import Page, WorkflowState  # noqa: E402

from resources.guides.models import GuidePage  # noqa: E402

TARGET_MS = 1000


def coach():
    user, _ = get_user_model().objects.get_or_create(
        username="bench-coach", defaults={"email": "bench-coach@beta.gouv.fr", "first_name": "Coach"}
    )
    user.groups.add(Group.objects.get(name="Coachs"))
    return user


def guide_in_workflow(user):
    """A guide page in « Relecture coach » (started by the coach if none is in progress)."""
    state = WorkflowState.objects.active().filter(content_type__model="guidepage").first()
    if state:
        return GuidePage.objects.get(pk=state.object_id)
    page = GuidePage.objects.live().exclude(source_key="").order_by("path").first()
    if page.latest_revision is None:
        page.save_revision(user=user)
    with override_settings(EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend"):
        page.get_workflow().start(page, user)  # reviewers' notification e-mails stay in memory
    return page


def largest_section():
    return Page.objects.filter(depth=3).order_by("-numchild").first()


def timed(client, url, repeat):
    queries, figures = timed_get(client, url, repeat, "{url} a répondu {status} au coach.")
    return {"url": url, "queries": queries, **figures}


def main():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--repeat", type=int, default=10)
    parser.add_argument("--query", default="recrutement", help="mots de la recherche de l'administration")
    args = parser.parse_args()
    clock = Clock()
    user = coach()
    client = Client(HTTP_HOST="localhost")
    client.force_login(user)
    section = largest_section()
    guide = guide_in_workflow(user)
    views = {
        f"explorateur ({section.numchild} enfants)": f"/admin/pages/{section.pk}/",
        "explorateur, page 50": f"/admin/pages/{section.pk}/?p=50",
        "recherche de l'admin": f"/admin/pages/search/?q={args.query}",
        "édition en relecture": f"/admin/pages/{guide.pk}/edit/",
        "tableau de bord": "/admin/",
    }
    rows = {}
    for name, url in views.items():
        client.get(url)  # warm
        rows[name] = timed(client, url, args.repeat)
    result = {
        "bench": "admin",
        "vendor": connection.vendor,
        "pages": Page.objects.count(),
        "views": rows,
        "target_ms": TARGET_MS,
        **clock.figures(),
    }
    print(f"Administration, coach « {user.username} », {result['pages']} pages ({machine_line()}).")
    print(f"{'vue':34} {'p50':>8} {'p95':>8} {'CPU/req':>9} {'SQL':>5}")
    for name, row in rows.items():
        flag = "" if row["p95_ms"] < TARGET_MS else "  ← au-dessus de 1 s"
        print(
            f"{name:34} {row['p50_ms']:>6} ms {row['p95_ms']:>6} ms {row['cpu_ms_per_request']:>6} ms "
            f"{row['queries']:>5}{flag}"
        )
    print(f"Durée : {result['wall_seconds']} s, CPU du processus : {result['cpu_seconds']} s.")
    emit(result)


if __name__ == "__main__":
    main()
