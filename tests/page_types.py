"""One smoke test per page type, on Wagtail's own page test helpers (`WagtailPageTestCase`).

Each app's `test_page_types.py` has one class per concrete page type, made of `PageTypeSmokeTests`
and `WagtailPageTestCase`. The class names the page type, the types it hangs under and holds, and
the group meant to create it (the README's permission matrix: `home/editorial.py` SECTION_PERMISSIONS
and the data migration `home/0002_groups_and_workflows`); it builds a page with factories and fills
the admin form that creates one. The mixin turns that into five tests:

- the tree: the page type's allowed parent and subpage types;
- the page renders for an anonymous visitor;
- it opens and saves in the editor, and it previews, for a member of the group that edits it;
- a member of the creating group creates one in the admin and publishes it.
"""

from unittest import mock

from django.conf import settings
from django.contrib.auth import load_backend
from django.urls import reverse

from wagtail.test.utils import page_tests
from wagtail.test.utils.form_data import inline_formset, nested_form_data, querydict_from_html

from community.members.groups import ADMINISTRATEURS
from tests.community.members.factories import make_user
from tests.home.factories import make_home


def session_backend():
    """The backend Django's `force_login` picks: the first one able to load a user (`get_user`)."""
    return next(path for path in settings.AUTHENTICATION_BACKENDS if hasattr(load_backend(path), "get_user"))


def admin_form(**fields):
    """The POST body of the admin's page form: `fields` nested as `nested_form_data` does, no comment.

    A multiple choice (phases, roles…) is posted as a list afterwards: `nested_form_data` would number it.
    """
    return nested_form_data(
        {"comments": inline_formset([]), "seo_title": "", "search_description": "", **fields}
    )


class PageTypeSmokeTests:
    """Mixed into `WagtailPageTestCase`: set the attributes, write `make_page`, `creation_parent` and
    `form_data`; the creation test finds the new page by the slug of `form_data`."""

    model = None
    parent_types = frozenset()
    subpage_types = frozenset()
    creator_group = ADMINISTRATEURS
    # The group that edits, publishes and previews the page, when it is not the one that creates it.
    editor_group = None

    def setUp(self):
        super().setUp()
        # Wagtail's helpers log in with AUTHENTICATION_BACKENDS[0]; ours is django-axes's, which
        # counts attempts but cannot load a user (AttributeError: no get_user) on the next request.
        self.enterContext(mock.patch.object(page_tests, "AUTH_BACKEND", session_backend()))
        self.home = make_home()
        self.creator = make_user("createur", [self.creator_group])
        self.editor = make_user("editeur", [self.editor_group]) if self.editor_group else self.creator

    def make_page(self):
        """A live page of this type, built with factories under the default site's home page."""
        raise NotImplementedError

    def creation_parent(self):
        """Where the creating group adds one; a `max_count = 1` type must not exist there yet."""
        raise NotImplementedError

    def form_data(self):
        """The admin form for a new page of this type (see `admin_form`), with its slug."""
        raise NotImplementedError

    def check_created(self, page):
        """What else the new page must hold (its rows, its stream blocks…); nothing by default."""

    def stream_data(self, page):
        """The page's StreamFields as the editor posts them, for `nested_form_data`.

        The editor's HTML holds a StreamField for its JavaScript only, so Wagtail's helpers cannot read
        it back from the form: each page type with a StreamField writes its content here.
        """
        return {}

    def editor_data(self, page):
        """What the editor posts for `page` unchanged: the form read from its HTML, plus `stream_data`."""
        self.client.force_login(self.editor, session_backend())
        html = self.client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
        self.client.logout()
        data = querydict_from_html(html, form_id="page-edit-form").copy()
        for key, value in nested_form_data(self.stream_data(page)).items():
            data[key] = value
        return data

    def test_tree(self):
        self.assertAllowedParentPageTypes(self.model, set(self.parent_types))
        self.assertAllowedSubpageTypes(self.model, set(self.subpage_types))

    def test_renders(self):
        self.assertPageIsRenderable(self.make_page())

    def test_opens_and_saves_in_the_editor(self):
        page = self.make_page()
        self.assertTrue(page.permissions_for_user(self.editor).can_publish())
        revisions = page.revisions.count()
        data = self.editor_data(page)
        data["action-publish"] = "action-publish"
        self.assertPageIsEditable(page, post_data=data, user=self.editor)
        # Wagtail's helper only checks that nothing raised: a new revision says the form was valid.
        self.assertEqual(page.revisions.count(), revisions + 1, "le formulaire de l'éditeur est refusé")

    def test_previews(self):
        page = self.make_page()
        self.assertPageIsPreviewable(page, post_data=self.editor_data(page), user=self.editor)

    def test_its_group_creates_and_publishes_one(self):
        parent = self.creation_parent()
        data = self.form_data()
        self.client.force_login(self.creator)
        self.assertCanCreate(parent, self.model, data)
        page = self.model.objects.child_of(parent).get(slug=data["slug"])
        self.assertTrue(page.live)
        self.assertEqual(page.owner, self.creator)
        self.assertEqual(page.title, data["title"])
        self.check_created(page)
