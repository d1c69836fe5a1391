"""One set of pages that anonymous visitors must never see, shared by every open-data surface's tests.

Each hidden page carries `HIDDEN` in its title and intro, so a test can assert on a whole response
(API JSON, feed XML, sitemap) that the word never appears; the public page carries `VISIBLE`.
"""

from django.contrib.auth.models import Group

from wagtail.models import PageViewRestriction

from tests.community.members.factories import UserFactory

HIDDEN = "Zanzibar"
VISIBLE = "Publique"


def restrict(page, kind, **fields):
    restriction = PageViewRestriction.objects.create(page=page, restriction_type=kind, **fields)
    if kind == PageViewRestriction.GROUPS:
        restriction.groups.set([Group.objects.get(name="Coachs")])
    return restriction


def make_visibility_pages(factory, parent, **fields):
    """A public page, and a draft, restricted, moderated and pending-change page, all under `parent`."""

    def page(slug, title, **extra):
        return factory(parent=parent, slug=slug, title=title, intro=f"Intro {title}", **{**fields, **extra})

    public = page("publique", f"Page {VISIBLE}")
    page("brouillon", f"{HIDDEN} brouillon", live=False)
    restrict(page("membres", f"{HIDDEN} membres"), PageViewRestriction.LOGIN)
    restrict(page("coachs", f"{HIDDEN} coachs"), PageViewRestriction.GROUPS)
    restrict(page("mot-de-passe", f"{HIDDEN} mot de passe"), PageViewRestriction.PASSWORD, password="x")
    # Never published, waiting in the moderation workflow.
    author = UserFactory(groups=["Membres"])
    moderated = page("moderation", f"{HIDDEN} en modération", live=False)
    moderated.save_revision(user=author)
    moderated.get_workflow().start(moderated, author)
    assert moderated.workflow_in_progress
    # Live, with a change waiting for approval: only the published text may be read.
    edited = page("publiee", "Page publiée")
    edited.title = f"{HIDDEN} changement en attente"
    edited.intro = f"{HIDDEN} en attente de relecture."
    edited.save_revision(user=author)
    edited.refresh_from_db()
    return {"public": public, "edited": edited}
