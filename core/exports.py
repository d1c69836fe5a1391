"""Spreadsheet downloads of the admin listings and reports (Wagtail's `list_export`), made safe to open.

Members and readers write some of what is exported (comments, proposals, job titles). A cell that
starts with `=`, `+`, `-`, `@` or a control character is a formula to a spreadsheet program, which
could run it when the file is opened (CSV injection): such text gets a leading apostrophe, the
mark spreadsheets read as « this is text ». Wagtail already keeps XLSX text cells as text.

`report_urls` wires such a report into the admin: Wagtail's listings fetch their filtered results
from a second URL (`index_results_url_name`), the same view with `results_only=True`. A report's
reading rule (`ReportAccessMixin.can_view`) serves both its view and its `ReportMenuItem`.
"""

from django.core.exceptions import PermissionDenied
from django.urls import path

from wagtail.admin.menu import MenuItem

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


class ReportAccessMixin:
    """A report's one reading rule: its view refuses, and its menu item hides, for whom `can_view` says no.

    Set `can_view = staticmethod(rule)` with `rule(user) -> bool`.
    """

    @staticmethod
    def can_view(user) -> bool:
        raise NotImplementedError

    def dispatch(self, request, *args, **kwargs):
        if not (request.user.is_authenticated and self.can_view(request.user)):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class ReportMenuItem(MenuItem):
    """The Reports menu entry of a report view, shown to the people the view lets in."""

    def __init__(self, view_class, label, url, **kwargs):
        super().__init__(label, url, **kwargs)
        self.view_class = view_class

    def is_shown(self, request):
        return request.user.is_authenticated and self.view_class.can_view(request.user)
