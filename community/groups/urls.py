"""Routes of working groups (/groupes/…): the list, a group's page, and what members and coordinators do."""

from django.urls import path

from . import coordination, views

app_name = "groups"

urlpatterns = [
    path("groupes/", views.group_list, name="list"),
    path("groupes/nouveau/", views.group_create, name="create"),
    path("groupes/invitation/<str:token>/", coordination.invitation, name="invitation"),
    path("groupes/<slug:slug>/", views.group_detail, name="detail"),
    path("groupes/<slug:slug>/modifier/", views.group_edit, name="edit"),
    path("groupes/<slug:slug>/rejoindre/", views.join, name="join"),
    path("groupes/<slug:slug>/demander/", views.request_to_join, name="request"),
    path("groupes/<slug:slug>/quitter/", views.leave, name="leave"),
    path("groupes/<slug:slug>/gestion/", coordination.manage, name="manage"),
    path("groupes/<slug:slug>/gestion/inviter/", coordination.invite, name="invite"),
    path(
        "groupes/<slug:slug>/gestion/invitations/<int:pk>/annuler/",
        coordination.cancel_invitation,
        name="cancel_invitation",
    ),
    path(
        "groupes/<slug:slug>/gestion/membres/<int:pk>/<slug:action>/",
        coordination.membership_action,
        name="membership_action",
    ),
    path("groupes/<slug:slug>/ressources/partager/", views.share_resource, name="share"),
    path(
        "groupes/<slug:slug>/ressources/<int:pk>/<slug:action>/",
        views.arrange_resource,
        name="arrange_resource",
    ),
]
