"""Routes of « Grandir »: /mentorat/… (find a mentor, requests) and /mobilite/… (mission offers)."""

from django.urls import path

from . import views

urlpatterns = [
    path("mentorat/", views.find_mentor, name="mentoring_find"),
    path("mentorat/mes-choix/", views.my_mentoring, name="mentoring_profile"),
    path("mentorat/demander/<str:slug>/", views.request_mentor, name="mentoring_request"),
    path("mentorat/demandes/", views.my_requests, name="mentoring_requests"),
    path("mentorat/demandes/<int:pk>/repondre/", views.answer, name="mentoring_answer"),
    path("mobilite/", views.offer_list, name="mission_offers"),
    path("mobilite/proposer/", views.offer_edit, name="mission_offer_create"),
    path("mobilite/<int:pk>/", views.offer_detail, name="mission_offer"),
    path("mobilite/<int:pk>/modifier/", views.offer_edit, name="mission_offer_edit"),
]
