"""Routes of guide upkeep: "Proposer une amélioration" and « Relu, rien à changer »."""

from django.urls import path

from . import views

urlpatterns = [
    path("ameliorer/<int:page_id>/", views.improve, name="guide_improve"),
    # Under /ameliorer/ (kept out of the page cache): the upkeep of guides.
    path("ameliorer/relu/<str:token>/", views.guide_reviewed, name="guide_reviewed"),
]
