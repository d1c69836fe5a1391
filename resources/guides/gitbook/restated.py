"""`import_gitbook --incubator <slug>`: an incubator's own GitBook restates pages of the shared method.

A page of the export whose title (or file slug) matches a shared guide page — one not imported from
this export — becomes that page's variant for the incubator (« Version <incubateur> », see
models/variants.py): its editors then keep only the difference. The other pages are imported as the
incubator's own guide pages, as without the option. Titles are compared folded (slugify: case,
accents and punctuation aside), so « Passer un Marché » restates « Passer un marché ». Sections
(SUMMARY.md groups without a file) have no text: never variants.
"""

from django.utils.text import slugify

from core.importing import RecordError

from ..models import GuidePage, GuideVariantPage


def find_incubator(slug: str):
    """The incubator page named by `--incubator` (its page slug), or a French refusal."""
    incubators = GuideVariantPage._meta.get_field("incubator").related_model.objects
    incubator = incubators.filter(slug=slug).first()
    if incubator is None:
        raise RecordError(
            f"incubateur introuvable : « {slug} » (donnez l'identifiant de sa page, ex. fabrique-mi)"
        )
    return incubator


class SharedPages:
    """The shared guide pages an incubator's export may restate, by folded title and by slug."""

    def __init__(self, own_prefix: str):
        self.by_name = {}
        pages = GuidePage.objects.exclude(source_key__startswith=own_prefix).order_by("path")
        for pk, title, slug in pages.values_list("pk", "title", "slug"):
            self.by_name.setdefault(slugify(title), pk)
            self.by_name.setdefault(slug, pk)

    def restated(self, title: str, slug: str):
        """The shared page restated by a page of this title or slug, or None."""
        pk = self.by_name.get(slugify(title)) or self.by_name.get(slug)
        return GuidePage.objects.get(pk=pk) if pk else None


def variant_fields(incubator, fields: dict, guide, source_key: str) -> dict:
    """The variant's fields from an imported page's: its text, under the incubator's version title."""
    slug = f"version-{incubator.slug}"[:255]
    taken = guide.get_children().filter(slug=slug).exclude(guidevariantpage__source_key=source_key).exists()
    return {
        "title": f"Version {incubator.title}"[:255],
        "slug": f"{slug}-importee" if taken else slug,
        "intro": fields["intro"],
        "search_description": fields["search_description"],
        "body": fields["body"],
        "incubator_id": incubator.pk,
    }
