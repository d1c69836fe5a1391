"""The discussions in Wagtail's admin for the site's moderators: posting bans and reports."""

from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup

from .models import PostingBan, Report


class BanCreateView(generic.CreateView):
    """The ban keeps who decided it."""

    def save_instance(self):
        instance = self.form.save(commit=False)
        instance.created_by = self.request.user
        instance.save()
        return instance


class PostingBanViewSet(ModelViewSet):
    model = PostingBan
    add_view_class = BanCreateView
    icon = "lock"
    menu_label = "Exclusions"
    name = "posting_bans"
    form_fields = ["user", "reason", "until"]
    list_display = ["user", "reason", "until", "created_at"]
    copy_view_enabled = False
    ordering = ["-created_at"]


class ReportViewSet(ModelViewSet):
    model = Report
    icon = "warning"
    menu_label = "Signalements"
    name = "discussion_reports"
    form_fields = ["handled_at"]
    list_display = ["message", "reason", "created_at", "handled_at"]
    list_filter = ["handled_at"]
    copy_view_enabled = False
    ordering = ["-created_at"]


class DiscussionsViewSetGroup(ModelViewSetGroup):
    menu_label = "Discussions"
    menu_icon = "comment"
    menu_order = 320
    items = (PostingBanViewSet, ReportViewSet)
