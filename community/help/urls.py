"""Routes of the help router (/vers-qui-me-tourner/…), kept out of the page cache (settings)."""

from django.urls import path

from . import views

urlpatterns = [
    path("vers-qui-me-tourner/", views.situation_index, name="help_index"),
    path("vers-qui-me-tourner/mes-situations/", views.lived_experiences, name="help_lived_experiences"),
    path("vers-qui-me-tourner/<slug:slug>/", views.situation_detail, name="help_situation"),
    path("vers-qui-me-tourner/<slug:slug>/bilan/", views.situation_outcome, name="help_outcome"),
]
