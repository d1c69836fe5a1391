"""Route of the readers' feedback form, posted from the foot of any page."""

from django.urls import path

from . import views

urlpatterns = [path("avis/", views.submit_feedback, name="page_feedback")]
