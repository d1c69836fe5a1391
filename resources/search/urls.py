"""Routes of the site search page and its suggestions endpoint."""

from django.urls import path

from . import views

urlpatterns = [
    path("recherche/", views.search, name="search"),
    path("recherche/suggestions/", views.search_suggestions, name="search_suggestions"),
    path("recherche/clic/", views.search_click, name="search_click"),
]
