"""Routes of a member's own contributions (under /compte/, beside the account pages)."""

from django.urls import path

from . import views

urlpatterns = [
    path("compte/contributions/", views.my_contributions, name="my_contributions"),
    path("compte/contributions/<int:pk>/corriger/", views.correct, name="contribution_correct"),
]
