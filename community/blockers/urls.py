"""Routes of « Mes blocages » (/blocages/…): personal, excluded from the page cache (settings)."""

from django.urls import path

from . import views

urlpatterns = [
    path("blocages/", views.my_blockers, name="my_blockers"),
    path("blocages/<int:pk>/", views.blocker_detail, name="blocker_detail"),
    path("blocages/<int:pk>/recommandations/<int:item_pk>/<str:mark>/", views.mark, name="blocker_mark"),
    path("blocages/<int:pk>/resoudre/", views.close, name="blocker_close"),
]
