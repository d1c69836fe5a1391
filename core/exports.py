"""Spreadsheet downloads of the admin listings and reports (Wagtail's `list_export`), made safe to open.

Members and readers write some of what is exported (comments, proposals, job titles). A cell that
starts with `=`, `+`, `-`, `@` or a control character is a formula to a spreadsheet program, which
could run it when the file is opened (CSV injection): such text gets a leading apostrophe, the
mark spreadsheets read as « this is text ». Wagtail already keeps XLSX text cells as text.

`report_urls` wires such a report into the admin: Wagtail's listings fetch their filtered results
from a second URL (`index_results_url_name`), the same view with `results_only=True`.
"""

from django.urls import path

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def plain_text_cell(value):
    """The value, with text that a spreadsheet would run as a formula turned into plain text."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


class SafeExportMixin:
    """Mixed before Wagtail's `SpreadsheetExportMixin` (ReportView, IndexView): no formula in CSV cells."""

    def preprocess_field_value(self, field, value, export_format):
        value = super().preprocess_field_value(field, value, export_format)
        return plain_text_cell(value) if export_format == "csv" else value


def report_urls(view_class, prefix, name):
    """The two admin URLs of a report: its page at `prefix`, its filtered results at `prefix` + `resultats/`.

    The results URL is named `name` + `_results`, the `index_results_url_name` the view declares.
    """
    return [
        path(prefix, view_class.as_view(), name=name),
        path(f"{prefix}resultats/", view_class.as_view(results_only=True), name=f"{name}_results"),
    ]
