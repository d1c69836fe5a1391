"""The ground of every page factory: a page always hangs under a parent that the test names.

wagtail_factories makes a page without `parent=` a new root of the tree, a second tree nobody
serves; here that is an error, so every test says where its pages live.
"""

import wagtail_factories


class PageFactory(wagtail_factories.PageFactory):
    """Base of the apps' page factories: `parent=` is required (`Page.get_first_root_node()` for a home)."""

    class Meta:
        abstract = True

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        if kwargs.get("parent") is None:
            raise TypeError(f"{cls.__name__}(parent=…) : une page de test se crée sous une page parente.")
        return super()._create(model_class, *args, **kwargs)


def with_revision(page):
    """Pages made by factories have no revision; the admin (compare, lock…) expects one."""
    revision = page.save_revision()
    if page.live:
        revision.publish()
    return page


def published_child(parent, page):
    """`page` (an unsaved instance) added under `parent`, then published as an editor would."""
    parent.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page
