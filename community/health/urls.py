"""Route of the NPS answer, posted from the prompt at the top of members' pages."""

from django.urls import path

from . import views

urlpatterns = [path("recommandation/", views.answer, name="nps_answer")]
