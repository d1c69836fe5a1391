"""Admin wiring of the library: resource kinds are edited as snippets, like the taxonomies."""

from wagtail.snippets.models import register_snippet

from .models import ResourceKind

register_snippet(ResourceKind)
