"""Routes of the discussions: under each group (/groupes/<slug>/discussions/…) and the unsubscribe link."""

from django.urls import include, path

from . import views

app_name = "discussions"

group_urls = [
    path("", views.thread_list, name="threads"),
    path("nouveau/", views.thread_new, name="thread_new"),
    path("notifications/", views.notification_settings, name="notifications"),
    path("<int:pk>/", views.thread_detail, name="thread"),
    path("<int:pk>/resolu/", views.thread_resolve, name="resolve"),
    path("messages/<int:pk>/modifier/", views.message_edit, name="edit"),
    path("messages/<int:pk>/signaler/", views.message_report, name="report"),
    path("messages/<int:pk>/moderer/", views.message_moderate, name="moderate"),
    path("pieces-jointes/<int:pk>/", views.attachment, name="attachment"),
]

urlpatterns = [
    path("groupes/<slug:slug>/discussions/", include(group_urls)),
    path("discussions/desabonnement/<str:token>/", views.unsubscribe, name="unsubscribe"),
]
