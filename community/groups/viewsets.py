"""Working groups in the Wagtail admin, for site moderators: list, search, filter and edit any group,
its memberships inline. Coordinators never need it: they manage their group on the site.
"""

from django.db.models import Count, Q

from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.admin.ui.tables import Column
from wagtail.admin.viewsets.model import ModelViewSet

import django_filters

from .models import Group, GroupKind, GroupVisibility


class GroupFilterSet(WagtailFilterSet):
    kind = django_filters.ChoiceFilter(label="Type", choices=GroupKind.choices)
    visibility = django_filters.ChoiceFilter(label="Visibilité", choices=GroupVisibility.choices)

    class Meta:
        model = Group
        fields = ["kind", "visibility"]


class GroupViewSet(ModelViewSet):
    model = Group
    icon = "group"
    menu_label = "Groupes de travail"
    menu_order = 260
    add_to_admin_menu = True
    url_prefix = "groupes"
    name = "groupes"
    search_fields = ["name", "purpose"]
    filterset_class = GroupFilterSet
    list_display = [
        "name",
        "kind",
        "visibility",
        Column("member_count", label="Membres"),
        "created_at",
    ]
    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("purpose"),
        FieldPanel("kind"),
        MultiFieldPanel([FieldPanel("visibility"), FieldPanel("listed")], "Visibilité"),
        FieldPanel("incubator"),
        MultiFieldPanel(
            [FieldPanel("phases"), FieldPanel("roles"), FieldPanel("thematiques")], "Pour qui, à quel moment"
        ),
    ]

    def get_queryset(self, request):
        return Group.objects.annotate(
            member_count=Count("memberships", filter=Q(memberships__status="actif"))
        )
