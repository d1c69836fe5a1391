"""Who is staff, and why /admin/ needs it on top of the `wagtailadmin.access_admin` permission.

Defence in depth: a permission given to the wrong group by mistake (say "Membres" getting
`access_admin`) must not open the admin to every member. Access needs both the permission and the
`is_staff` flag, and the flag follows membership of the editor groups only: joining Coachs,
Modérateurs or Administrateurs makes an account staff, leaving the last of them takes it away
(superusers stay staff).
"""

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db.models.signals import m2m_changed

from .groups import EDITOR_GROUPS

ADMIN_ACCESS_PERMISSION = "wagtailadmin.access_admin"


def sync_staff(users) -> None:
    """Make `is_staff` match editor-group membership (superusers always stay staff)."""
    User = get_user_model()
    ids = [user.pk for user in users]
    editors = set(
        User.objects.filter(pk__in=ids, groups__name__in=EDITOR_GROUPS).values_list("pk", flat=True)
    )
    for user in users:
        staff = user.is_superuser or user.pk in editors
        if user.is_staff != staff:
            user.is_staff = staff
            User.objects.filter(pk=user.pk).update(is_staff=staff)  # no save(): no signal loop


def _on_groups_changed(sender, instance, action, reverse, pk_set, **kwargs):
    if not reverse:  # user.groups.add/remove/clear/set(…)
        if action in ("post_add", "post_remove", "post_clear"):
            sync_staff([instance])
        return
    # group.user_set.…(…): `instance` is the group; a clear gives no pk_set, so note members first.
    if instance.name not in EDITOR_GROUPS:
        return
    if action == "pre_clear":
        instance._staff_members_before_clear = list(instance.user_set.values_list("pk", flat=True))
    elif action in ("post_add", "post_remove", "post_clear"):
        ids = pk_set if action != "post_clear" else getattr(instance, "_staff_members_before_clear", [])
        sync_staff(list(get_user_model().objects.filter(pk__in=ids)))


def connect_signals():
    m2m_changed.connect(_on_groups_changed, sender=get_user_model().groups.through)


class StaffOnlyAdminBackend:
    """Refuses `wagtailadmin.access_admin` to accounts that are not staff, whatever their groups."""

    def authenticate(self, request, **credentials):
        return None  # never logs anyone in; only vetoes a permission

    def has_perm(self, user_obj, perm, obj=None):
        # Raising PermissionDenied stops Django's permission check at this backend: a later
        # backend (ModelBackend, through a group) cannot grant the admin to a non-staff account.
        if perm == ADMIN_ACCESS_PERMISSION and not (user_obj.is_active and user_obj.is_staff):
            raise PermissionDenied
        return False
