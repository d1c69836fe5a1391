"""/admin/ needs a staff account on top of the access_admin permission; editors are staff."""

from django.contrib.auth.models import Group, Permission

import pytest

from community.members.models import User
from tests.community.members.factories import PASSWORD, make_user

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("home")]


def access_admin():
    return Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")


def test_member_holding_access_admin_through_a_group_is_refused(client):
    # A mistake in group permissions: "Membres" (every member) gets access to the admin.
    Group.objects.get(name="Membres").permissions.add(access_admin())
    member = make_user("camille")
    assert member.groups.filter(name="Membres").exists()
    assert not User.objects.get(pk=member.pk).is_staff
    client.force_login(member)
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response.url.startswith("/admin/login/")
    assert client.get("/admin/pages/").status_code == 302
    assert not User.objects.get(pk=member.pk).has_perm("wagtailadmin.access_admin")


def test_the_admin_login_form_refuses_a_non_staff_account(client):
    Group.objects.get(name="Membres").permissions.add(access_admin())
    make_user("camille")
    client.post("/admin/login/", {"username": "camille", "password": PASSWORD})
    assert client.get("/admin/").status_code == 302


@pytest.mark.parametrize("group", ["Coachs", "Modérateurs", "Administrateurs"])
def test_editors_are_staff_and_reach_the_admin(client, group):
    editor = make_user("editeur", [group])
    assert User.objects.get(pk=editor.pk).is_staff
    client.force_login(editor)
    assert client.get("/admin/").status_code == 200


def test_leaving_the_last_editor_group_takes_staff_away(client):
    coach = make_user("coach", ["Coachs", "Modérateurs"])
    coach.groups.remove(Group.objects.get(name="Coachs"))
    assert User.objects.get(pk=coach.pk).is_staff
    Group.objects.get(name="Modérateurs").user_set.remove(coach)
    assert not User.objects.get(pk=coach.pk).is_staff
    client.force_login(User.objects.get(pk=coach.pk))
    assert client.get("/admin/").status_code == 302


def test_joining_through_the_group_side_or_set_makes_staff(client):
    first, second = make_user("premier"), make_user("second")
    Group.objects.get(name="Coachs").user_set.add(first)
    second.groups.set([Group.objects.get(name="Modérateurs")])
    assert set(User.objects.filter(is_staff=True).values_list("username", flat=True)) == {"premier", "second"}
    Group.objects.get(name="Coachs").user_set.clear()
    assert not User.objects.get(pk=first.pk).is_staff
    assert User.objects.get(pk=second.pk).is_staff


def test_superusers_stay_staff_without_any_group():
    admin = make_user("admin", is_superuser=True, is_staff=True)
    admin.groups.clear()
    assert User.objects.get(pk=admin.pk).is_staff


def test_admin_gives_an_account_to_an_editor_group_through_the_user_editor(client):
    admin = make_user("admin", is_superuser=True, is_staff=True)
    camille = make_user("camille")
    client.force_login(admin)
    coachs = Group.objects.get(name="Coachs")
    membres = Group.objects.get(name="Membres")
    response = client.post(
        f"/admin/users/edit/{camille.pk}/",
        {
            "username": "camille",
            "email": camille.email,
            "first_name": "Camille",
            "last_name": "Martin",
            "password1": "",
            "password2": "",
            "is_active": "on",
            "groups": [coachs.pk, membres.pk],
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert User.objects.get(pk=camille.pk).is_staff
