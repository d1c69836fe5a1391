"""Signal handlers that bump the content generation whenever something the public sees changes."""

from functools import lru_cache

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save

from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move

from core import caching
from core.apps import project_app_configs

# Third-party apps whose models can be shown on a public page (pages, images, documents, sites and
# view restrictions, tags, redirects); every app of this project is watched too (`_project_apps`).
WATCHED_THIRD_PARTY_APPS = frozenset(
    {"wagtailcore", "wagtailimages", "wagtaildocs", "wagtailredirects", "taggit"}
)
# Bookkeeping models of those apps that no anonymous page shows: bumping on them would empty the
# cache at every draft save, rendering, lock or log line. Our own bookkeeping models (readers'
# answers, ticked steps, proposals…) say so themselves with `shown_on_public_pages = False`.
IGNORED_MODELS = frozenset(
    {
        "wagtailcore.revision",
        "wagtailcore.pagelogentry",
        "wagtailcore.modellogentry",
        "wagtailcore.comment",
        "wagtailcore.commentreply",
        "wagtailcore.pagesubscription",
        "wagtailcore.workflowstate",
        "wagtailcore.taskstate",
        "wagtailcore.workflowcontenttype",
        "wagtailcore.referenceindex",
        "wagtailcore.uploadedfile",
        "wagtailimages.rendition",
    }
)
# A page saved with only these fields changed a draft, a lock or a comment, not the live page
# (Page.save_revision, locking); publishing goes through `page_published`.
DRAFT_ONLY_FIELDS = frozenset(
    {
        "latest_revision",
        "latest_revision_created_at",
        "draft_title",
        "has_unpublished_changes",
        "locked",
        "locked_by",
        "locked_at",
        "wagtail_admin_comments",
    }
)
# A user's login time is written at every login and shown nowhere.
USER_BOOKKEEPING_FIELDS = frozenset({"last_login"})


def bump_after_commit(**kwargs):
    """Bump now, and again once the transaction commits.

    The second bump matters: a page rendered by another request between the first bump and the
    commit still reads the old rows and would otherwise be cached under the new generation.
    """
    caching.bump()
    transaction.on_commit(caching.bump)


@lru_cache(maxsize=1)
def _project_apps() -> frozenset:
    """Labels of the apps whose code lives in this repository (home, resources, community, core)."""
    return frozenset(config.label for config in project_app_configs())


def _watched(sender) -> bool:
    meta = getattr(sender, "_meta", None)
    if meta is None or not getattr(sender, "shown_on_public_pages", True):
        return False
    watched = meta.app_label in WATCHED_THIRD_PARTY_APPS or meta.app_label in _project_apps()
    return watched and meta.label_lower not in IGNORED_MODELS


def on_model_saved(sender, instance, created=False, update_fields=None, **kwargs):
    if not _watched(sender):
        return
    if created and isinstance(instance, BaseGenericSetting | BaseSiteSetting):
        return  # made by `load()` on first use, holding the defaults every page already shows
    fields = frozenset(update_fields or ())
    if fields and isinstance(instance, Page) and fields <= DRAFT_ONLY_FIELDS:
        return
    if fields and sender is get_user_model() and fields <= USER_BOOKKEEPING_FIELDS:
        return
    bump_after_commit()


def on_model_deleted(sender, **kwargs):
    if _watched(sender):
        bump_after_commit()


def on_m2m_changed(sender, action, **kwargs):
    if action.startswith("post_") and (_watched(kwargs["model"]) or _watched(type(kwargs["instance"]))):
        bump_after_commit()


def connect():
    """Called once from CoreConfig.ready()."""
    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(bump_after_commit, dispatch_uid=f"fabrique-cache-{id(signal)}")
    post_save.connect(on_model_saved, dispatch_uid="fabrique-cache-save")
    post_delete.connect(on_model_deleted, dispatch_uid="fabrique-cache-delete")
    m2m_changed.connect(on_m2m_changed, dispatch_uid="fabrique-cache-m2m")
