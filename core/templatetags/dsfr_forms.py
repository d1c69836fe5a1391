"""Renders Django form fields with the DSFR classes and accessible error links, and the honeypot."""

from django import forms, template

from core.forms import HONEYPOT_FIELD, HONEYPOT_LABEL

register = template.Library()


@register.inclusion_tag("includes/honeypot.html")
def honeypot_field():
    """`{% honeypot_field %}`: the public forms' trap field, named once (core/forms.py)."""
    return {"name": HONEYPOT_FIELD, "label": HONEYPOT_LABEL}


@register.filter
def dsfr_widget(bound_field):
    """The field's widget with `fr-input`/`fr-select`, aria-invalid and aria-describedby on errors."""
    widget = bound_field.field.widget
    attrs = {}
    if isinstance(widget, forms.Select):
        attrs["class"] = "fr-select"
    elif not isinstance(widget, forms.CheckboxInput | forms.HiddenInput):
        attrs["class"] = "fr-input"
    described = []
    if bound_field.help_text:
        described.append(f"{bound_field.auto_id}-aide")
    if bound_field.errors:
        attrs["aria-invalid"] = "true"
        described.append(f"{bound_field.auto_id}-erreur")
    if described:
        attrs["aria-describedby"] = " ".join(described)
    return bound_field.as_widget(attrs=attrs)


@register.filter
def is_checkbox(bound_field):
    return isinstance(bound_field.field.widget, forms.CheckboxInput)


@register.filter
def is_multiple_checkboxes(bound_field):
    return isinstance(bound_field.field.widget, forms.CheckboxSelectMultiple)
