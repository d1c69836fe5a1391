"""Routes of the beta.gouv.fr-compatible API, mounted at /api/betagouv/v2.7/ (config/urls.py)."""

from django.urls import path

from . import views

urlpatterns = [
    path("startups.json", views.startups, name="betagouv_startups"),
    path("startups_details.json", views.startups_details, name="betagouv_startups_details"),
    path("incubators.json", views.incubators, name="betagouv_incubators"),
    path("organisations.json", views.organisations, name="betagouv_organisations"),
    path("sponsors.json", views.sponsors, name="betagouv_sponsors"),
    path("authors.json", views.authors, name="betagouv_authors"),
    path("startups.csv", views.startups_csv, name="betagouv_startups_csv"),
    path("swagger.json", views.swagger, name="betagouv_swagger"),
]
