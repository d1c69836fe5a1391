"""The search page's facets, which work on any page type: content type, resource kind, phase, role.

A listing's facet (core/listing.py) follows one ORM path from the listed model; the search lists
pages of every type, so a facet on `phases` here covers every page type having a `phases` relation
(resources, guides…), found among Wagtail's page models. The PostgreSQL summary (postgres.py)
reads the same facets' `models()` and `restrict()` to count them all in one statement.
"""

from collections import Counter
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist
from django.db.models import Count, Q

from wagtail.models import Page, get_page_models

from core.listing import Facet, choices
from core.taxonomy.models import Phase, Role
from resources.library.models import ResourceKind


def _models_with_field(field_name: str) -> list:
    models = []
    for model in get_page_models():
        if model is Page or model._meta.abstract:
            continue
        try:
            field = model._meta.get_field(field_name)
        except FieldDoesNotExist:
            continue
        if field.is_relation and field.concrete:
            models.append(model)
    return models


@dataclass
class PageFacet(Facet):
    """A facet on a relation (kind, phases, roles) that any page type may have under that name."""

    field: str = ""

    def models(self):
        return _models_with_field(self.field)

    def restrict(self, queryset, values):
        condition = Q(pk__in=[])
        for model in self.models():
            condition |= Q(pk__in=model.objects.filter(**{f"{self.field}__slug__in": values}).values("pk"))
        return queryset.filter(condition)

    def counts(self, matched, values) -> Counter:
        counts = Counter()
        lookup = f"{self.field}__slug"
        for model in self.models():
            rows = (
                model.objects.filter(pk__in=matched.values("pk"))
                .order_by()
                .values(lookup)
                .annotate(n=Count("pk", distinct=True))
            )
            counts.update({row[lookup]: row["n"] for row in rows if row[lookup]})
        return counts


@dataclass
class ContentTypeFacet(Facet):
    """The kind of page (guide, ressource, startup…), from Wagtail's content types."""

    field: str = ""

    def content_type_ids(self, values) -> list[int]:
        models = {model._meta.model_name: model for model in get_page_models()}
        types = ContentType.objects.get_for_models(*[models[value] for value in values if value in models])
        return sorted(content_type.pk for content_type in types.values())

    def restrict(self, queryset, values):
        return queryset.filter(content_type__in=self.content_type_ids(values))

    def counts(self, matched, values) -> Counter:
        rows = Page.objects.filter(pk__in=matched.values("pk")).order_by().values("content_type")
        counts = Counter()
        for row in rows.annotate(n=Count("pk")):
            model = ContentType.objects.get_for_id(row["content_type"]).model_class()
            if model is not None:
                counts[model._meta.model_name] = row["n"]
        return counts


def _content_type_choices():
    models = [model for model in get_page_models() if model is not Page]
    labels = [(model._meta.model_name, str(model._meta.verbose_name_plural).capitalize()) for model in models]
    return sorted(labels, key=lambda item: item[1])


def site_facets():
    return [
        ContentTypeFacet("contenu", "Type de contenu", "content_type", _content_type_choices),
        PageFacet(
            "type",
            "Type de ressource",
            "kind__slug",
            choices(ResourceKind.objects.all()),
            field="kind",
        ),
        PageFacet("phase", "Phase", "phases__slug", choices(Phase.objects.all()), field="phases"),
        PageFacet("role", "Rôle", "roles__slug", choices(Role.objects.all()), field="roles"),
    ]
