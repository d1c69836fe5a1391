"""The editorial groups exist with the permissions the README documents."""

from django.contrib.auth.models import Group

from wagtail.models import GroupCollectionPermission, GroupPagePermission

import pytest

pytestmark = pytest.mark.django_db


def page_codenames(group_name):
    return set(
        GroupPagePermission.objects.filter(group__name=group_name).values_list(
            "permission__codename", flat=True
        )
    )


def model_perms(group_name):
    group = Group.objects.get(name=group_name)
    return {f"{p.content_type.app_label}.{p.codename}" for p in group.permissions.all()}


def test_the_four_groups_exist():
    names = set(Group.objects.values_list("name", flat=True))
    assert {"Coachs", "Modérateurs", "Membres", "Administrateurs"} <= names


def test_coaches_write_review_and_publish_methodology():
    assert page_codenames("Coachs") == {
        "add_page",
        "change_page",
        "publish_page",
        "lock_page",
        "unlock_page",
    }
    perms = model_perms("Coachs")
    assert "wagtailadmin.access_admin" in perms
    assert {"taxonomy.change_phase", "taxonomy.change_role", "taxonomy.add_thematique"} <= perms
    collection = set(
        GroupCollectionPermission.objects.filter(group__name="Coachs").values_list(
            "permission__codename", flat=True
        )
    )
    assert {"add_document", "choose_document", "add_image", "choose_image"} <= collection


def test_moderators_review_but_do_not_create_pages():
    codenames = page_codenames("Modérateurs")
    assert "publish_page" in codenames
    assert "add_page" not in codenames
    assert "wagtailadmin.access_admin" in model_perms("Modérateurs")


def test_members_contribute_without_admin_or_publishing():
    assert page_codenames("Membres") == set()
    perms = model_perms("Membres")
    assert perms == {"members.contribute"}


def test_administrators_have_every_permission():
    perms = model_perms("Administrateurs")
    assert "wagtailadmin.access_admin" in perms
    assert "auth.change_group" in perms
    assert "bulk_delete_page" in page_codenames("Administrateurs")
