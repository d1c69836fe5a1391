"""Digests and reminders, and the periodic run that sends them (`manage.py send_digests`).

Composed here, on the top layer, because they read every feature: guides to review, improvement
proposals, pages waiting in a workflow, new guides and resources, startups' phases, arrival paths.
Three emails, each with its preference and its one-click unsubscribe (community/members/subscriptions.py):
- coaches' and moderators' weekly digest: their guides due for review (each with a signed
  « Relu, rien à changer » link), pending improvement proposals, pages waiting for their review
  in a workflow (members' contributions, guides submitted to « Relecture coach »);
- members' weekly digest (opt-in): guides and resources published since their last digest for
  their roles and their startups' current phases — live pages only, public or for logged-in
  members, never a draft nor a page restricted to groups or by password;
- a reminder when someone's arrival path has not moved for FABRIQUE_ONBOARDING_NUDGE_DAYS: one per
  stall (keyed by the day it last moved), not one per run.

Idempotent: each email is recorded per account and period before it is queued, in one transaction
(`claim_period`), so running twice in the same week sends nothing new. A digest with nothing in it
is not sent (and not recorded: something arriving later that week is still announced).
"""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage
from django.core.management import call_command
from django.db import transaction
from django.db.models import Max, Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.models import TaskState
from wagtail.permission_policies.pages import PagePermissionPolicy

from django_tasks import task

from community.members.models import MEMBER_DIGEST, ONBOARDING_NUDGE, STAFF_DIGEST, DigestDelivery, Mission
from community.members.subscriptions import (
    STAFF_DIGEST_GROUPS,
    claim_period,
    delivered_users,
    last_delivery,
    list_unsubscribe_headers,
    site_url,
    unsubscribe_url,
)
from community.startups.models.startups import refresh_current_phases
from core.visibility import readable
from resources.guides.improvements import can_review_proposals, proposals_for
from resources.guides.models import GuidePage
from resources.guides.reviews import review_url
from resources.library.models import ResourcePage

from .models.steps import ARRIVAL, OnboardingProgress
from .summaries import progress_summary

MAX_ITEMS = 15  # per section of a digest; the rest is counted and linked
DIGEST_DAYS = 7
# A reminder is for an arrival that stalled, not for an account idle for years.
NUDGE_WINDOW_DAYS = 90


@dataclass
class ScheduleRun:
    """What one run did, for the command's output."""

    phases_changed: int = 0
    sent: dict = field(default_factory=lambda: defaultdict(int))


def week_of(now) -> str:
    year, week, _ = timezone.localtime(now).isocalendar()
    return f"{year}-S{week:02d}"


def weekly_digests_due(now) -> bool:
    """From FABRIQUE_DIGEST_WEEKDAY at FABRIQUE_DIGEST_HOUR (local time) to the end of the week."""
    local = timezone.localtime(now)
    return (local.weekday(), local.hour) >= (settings.FABRIQUE_DIGEST_WEEKDAY, settings.FABRIQUE_DIGEST_HOUR)


def _send(user, kind: str, period: str, now, subject: str, template: str, context: dict, items: int) -> bool:
    """Record then queue one email; False if this account already had it for this period."""
    context = {**context, "user": user, "unsubscribe_url": unsubscribe_url(user, kind)}
    body = render_to_string(template, context)
    with transaction.atomic():
        if not claim_period(user, kind, period, now, items):
            return False
        message = EmailMessage(
            f"[Fabrique] {subject}",
            body,
            settings.DEFAULT_FROM_EMAIL,
            [user.email],
            headers=list_unsubscribe_headers(user, kind),
        )
        message.send()
    return True


def _recipients(preference: Q):
    User = get_user_model()
    return User.objects.filter(is_active=True).exclude(email="").filter(preference).distinct().order_by("pk")


# --- Coaches' and moderators' digest -------------------------------------------------------------


def guides_due(user, today):
    """Live guides this coach may edit, theirs or nobody's, due for review within the week."""
    editable = PagePermissionPolicy().instances_user_has_permission_for(user, "change")
    horizon = today + timedelta(days=DIGEST_DAYS)
    return (
        GuidePage.objects.live()
        .filter(pk__in=editable.values("pk"))
        .filter(Q(coach=user) | Q(coach__isnull=True))
        .filter(Q(next_review_on__isnull=True) | Q(next_review_on__lte=horizon))
        .order_by("next_review_on", "path")
    )


def waiting_reviews(user):
    """Pages (or snippets) in a workflow task this account may approve, oldest first."""
    states = TaskState.objects.reviewable_by(user).select_related("revision", "workflow_state")
    finder = AdminURLFinder(user)
    items = []
    for state in states.order_by("started_at", "pk"):
        instance = state.workflow_state.content_object
        if instance is None:
            continue
        title = state.revision.object_str if state.revision_id else str(instance)
        items.append({"title": title, "url": site_url(finder.get_edit_url(instance) or "")})
    return items


def staff_digest(user, now) -> dict | None:
    today = timezone.localtime(now).date()
    guides = guides_due(user, today)
    guide_items = [
        {
            "title": guide.title,
            "due": guide.next_review_on,
            "mine": guide.coach_id == user.pk,
            "reviewed_url": review_url(guide, user),
            "url": site_url(guide.url or ""),
        }
        for guide in guides[:MAX_ITEMS]
    ]
    proposals = proposals_for(user).filter(done=False)
    if not can_review_proposals(user):
        proposals = proposals.none()
    proposal_items = [
        {"title": proposal.page.title, "text": proposal.text} for proposal in proposals[:MAX_ITEMS]
    ]
    reviews = waiting_reviews(user)
    total = len(guide_items) + len(proposal_items) + len(reviews)
    if not total:
        return None
    return {
        "guides": guide_items,
        "guides_total": guides.count(),
        "proposals": proposal_items,
        "proposals_total": proposals.count(),
        "reviews": reviews[:MAX_ITEMS],
        "reviews_total": len(reviews),
        "report_url": site_url(reverse("guides_overdue_report")),
        "proposals_url": site_url(reverse("correction_proposals_admin")),
        "items": total,
    }


def send_staff_digests(now, run: ScheduleRun) -> None:
    period = week_of(now)
    done = delivered_users(STAFF_DIGEST, period)
    users = _recipients(Q(groups__name__in=STAFF_DIGEST_GROUPS) & ~Q(email_preferences__staff_digest=False))
    for user in users.exclude(pk__in=done):
        context = staff_digest(user, now)
        if context is None:
            continue
        subject = "Votre récapitulatif de la semaine : relectures et propositions"
        template = "onboarding/emails/staff_digest.txt"
        if _send(user, STAFF_DIGEST, period, now, subject, template, context, context["items"]):
            run.sent[STAFF_DIGEST] += 1


# --- Members' digest -------------------------------------------------------------------------------


def profile_of_member(member, today):
    """The member's roles (profile and running validated missions) and their startups' current phases."""
    missions = Mission.objects.validated().running(today).filter(member=member)
    roles = set(member.roles.values_list("pk", flat=True))
    roles |= {pk for pk in missions.values_list("role_id", flat=True) if pk}
    phases = {pk for pk in missions.values_list("startup__current_phase_id", flat=True) if pk}
    return roles, phases


def for_profile(queryset, roles, phases):
    """Pages for these roles × phases: each of their dimensions matches or is left open, and at
    least one matches (a page tagged for nobody in particular is not news *for this member*)."""
    with_role = queryset.filter(roles__in=roles).values("pk")
    with_phase = queryset.filter(phases__in=phases).values("pk")
    any_role = Q(pk__in=with_role) | Q(roles__isnull=True)
    any_phase = Q(pk__in=with_phase) | Q(phases__isnull=True)
    targeted = Q(pk__in=with_role) | Q(pk__in=with_phase)
    return queryset.filter(pk__in=queryset.filter(any_role & any_phase & targeted).values("pk"))


def member_digest(user, now, since) -> dict | None:
    member = getattr(user, "member", None)
    if member is None:
        return None
    roles, phases = profile_of_member(member, timezone.localtime(now).date())
    if not roles and not phases:
        return None
    window = Q(first_published_at__gte=since, first_published_at__lt=now)
    sections = []
    for label, model in (("Guides", GuidePage), ("Ressources", ResourcePage)):
        pages = for_profile(readable(model.objects.filter(window), user), roles, phases)
        pages = list(pages.order_by("-first_published_at", "pk")[:MAX_ITEMS])
        if pages:
            sections.append(
                {"label": label, "pages": [{"title": p.title, "url": site_url(p.url or "")} for p in pages]}
            )
    items = sum(len(section["pages"]) for section in sections)
    if not items:
        return None
    return {
        "sections": sections,
        "since": since,
        "items": items,
        "profile_url": site_url(reverse("profile_edit")),
    }


def send_member_digests(now, run: ScheduleRun) -> None:
    period = week_of(now)
    done = delivered_users(MEMBER_DIGEST, period)
    users = _recipients(Q(email_preferences__member_digest=True, member__isnull=False))
    for user in users.exclude(pk__in=done).select_related("member"):
        previous = last_delivery(user, MEMBER_DIGEST)
        since = previous.sent_at if previous else now - timedelta(days=DIGEST_DAYS)
        context = member_digest(user, now, since)
        if context is None:
            continue
        subject = "Les nouveautés de la semaine pour vous"
        template = "onboarding/emails/member_digest.txt"
        if _send(user, MEMBER_DIGEST, period, now, subject, template, context, context["items"]):
            run.sent[MEMBER_DIGEST] += 1


# --- Arrival reminders -----------------------------------------------------------------------------


def send_onboarding_nudges(now, run: ScheduleRun) -> None:
    """One reminder to whoever's arrival path did not move for N days (since their last tick, or
    since they joined if they never ticked one), while a path of theirs is unfinished."""
    cutoff = now - timedelta(days=settings.FABRIQUE_ONBOARDING_NUDGE_DAYS)
    oldest = now - timedelta(days=NUDGE_WINDOW_DAYS)
    last_ticks = dict(
        OnboardingProgress.objects.filter(path__kind=ARRIVAL)
        .values("user_id")
        .annotate(last=Max("done_at"))
        .values_list("user_id", "last")
    )
    stalled = [user_id for user_id, last in last_ticks.items() if oldest <= last < cutoff]
    never_started = Q(date_joined__gte=oldest, date_joined__lt=cutoff) & ~Q(pk__in=list(last_ticks))
    reminded = set(DigestDelivery.objects.filter(kind=ONBOARDING_NUDGE).values_list("user_id", "period"))
    users = _recipients(Q(member__isnull=False) & ~Q(email_preferences__onboarding_reminders=False))
    for user in users.filter(Q(pk__in=stalled) | never_started).select_related("member"):
        moved = last_ticks.get(user.pk, user.date_joined)
        period = f"{timezone.localtime(moved):%Y-%m-%d}"
        if (user.pk, period) in reminded:
            continue  # this stall had its reminder: no need to read the paths again
        summaries = progress_summary(user, kind=ARRIVAL)
        unfinished = [summary for summary in summaries if summary.steps and not summary.finished]
        if not unfinished:
            continue
        context = {
            "paths": [
                {
                    "title": summary.path.title,
                    "url": site_url(summary.path.url or ""),
                    "done": summary.done,
                    "total": summary.total,
                    "next_step": summary.next_step.title if summary.next_step else "",
                }
                for summary in unfinished
            ],
            "days": settings.FABRIQUE_ONBOARDING_NUDGE_DAYS,
        }
        subject = "Votre parcours d'arrivée vous attend"
        template = "onboarding/emails/onboarding_nudge.txt"
        if _send(user, ONBOARDING_NUDGE, period, now, subject, template, context, len(unfinished)):
            run.sent[ONBOARDING_NUDGE] += 1


# --- The periodic run -------------------------------------------------------------------------------


def run_schedule(now=None, *, publish=True) -> ScheduleRun:
    """Everything the scheduler runs: scheduled publications, startups' current phases, digests."""
    now = now or timezone.now()
    run = ScheduleRun()
    if publish:
        call_command("publish_scheduled", verbosity=0)
    run.phases_changed = refresh_current_phases(timezone.localtime(now).date())
    if weekly_digests_due(now):
        send_staff_digests(now, run)
        send_member_digests(now, run)
    send_onboarding_nudges(now, run)
    return run


@task()
def scheduled_run(publish: bool = True) -> dict:
    """`send_digests --enqueue`: the same run, done by the task worker."""
    run = run_schedule(publish=publish)
    return {"phases_changed": run.phases_changed, "sent": dict(run.sent)}
