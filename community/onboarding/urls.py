"""Routes of the phase pages (/phases/…) and of « Pour moi » (/pour-moi/)."""

from django.urls import path

from . import views

urlpatterns = [
    path("phases/", views.phase_index, name="phase_index"),
    path("phases/<slug:slug>/", views.phase_detail, name="phase_detail"),
    path("pour-moi/", views.for_me, name="for_me"),
]
