"""Helpers to drive the Wagtail admin's page editor through the HTTP client."""

from django.urls import reverse

from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield


def edit_data(page, **overrides):
    """The POST body of the page editor for a ContentPage, with fields overridden."""
    return nested_form_data(
        {
            "title": page.title,
            "slug": page.slug,
            "intro": page.intro,
            "body": streamfield([]),
            "comments": inline_formset([]),
            "seo_title": "",
            "search_description": "",
            **overrides,
        }
    )


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def submit_for_review(client, page, **overrides):
    """The editor's "Soumettre à relecture" action."""
    return client.post(edit_url(page), {**edit_data(page, **overrides), "action-submit": "Soumettre"})


def workflow_action(client, page, action, comment=""):
    task_state = page.current_workflow_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, action, task_state.pk])
    return client.post(url, {"comment": comment})
