"""Route of "Proposer une amélioration", posted from a guide page."""

from django.urls import path

from . import views

urlpatterns = [path("ameliorer/<int:page_id>/", views.improve, name="guide_improve")]
