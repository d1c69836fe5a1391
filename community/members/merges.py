"""Never two profiles for one person: merge one member into another and keep a record of it.

The kept profile receives the absorbed one's missions, claims, account (if it has none), roles,
incubators, empty fields and every link other apps hold to it (a resource's contributor…),
found through the model's relations so this layer names no app above it. Then the absorbed
profile is deleted and a `MemberMerge` says what happened.
"""

from django.db import transaction

from .models import ClaimRequest, Member, MemberMerge, Mission

# Relations merged by hand below; every other foreign key to Member is repointed generically.
OWN_RELATIONS = {"missions", "claims", "merges"}


class MergeRefused(Exception):
    """A merge that would lose something (two accounts) or makes no sense (a profile with itself)."""


def _refuse_if_impossible(kept: Member, absorbed: Member) -> None:
    if kept.pk == absorbed.pk:
        raise MergeRefused("Un profil ne peut pas être fusionné avec lui-même.")
    if kept.user_id and absorbed.user_id:
        raise MergeRefused(
            "Les deux profils ont chacun un compte : fusionnez d'abord les comptes (ou supprimez-en un), "
            "puis les profils."
        )


def _fill_empty_fields(kept: Member, absorbed: Member) -> list[str]:
    filled = []
    for name in (*Member.IMPORTED_FIELDS, "source"):
        if not getattr(kept, name) and getattr(absorbed, name):
            setattr(kept, name, getattr(absorbed, name))
            filled.append(name)
    if absorbed.mentoring and not kept.mentoring:
        kept.mentoring = True
        filled.append("mentoring")
    return filled


def _repoint_other_links(kept: Member, absorbed: Member) -> dict[str, int]:
    moved = {}
    for relation in Member._meta.related_objects:
        # Reverse side of a foreign key from another model; none holds a many-to-many to members.
        if relation.get_accessor_name() in OWN_RELATIONS or not relation.one_to_many:
            continue
        field = relation.field
        count = relation.related_model._base_manager.filter(**{field.name: absorbed}).update(
            **{field.name: kept}
        )
        if count:
            moved[relation.related_model._meta.label] = count
    return moved


def _move_claims(kept: Member, absorbed: Member) -> int:
    pending_on_kept = ClaimRequest.objects.filter(member=kept, status=ClaimRequest.PENDING)
    # One pending request per account and fiche: a duplicate request becomes pointless.
    ClaimRequest.objects.filter(
        member=absorbed, status=ClaimRequest.PENDING, user__in=pending_on_kept.values("user")
    ).delete()
    return ClaimRequest.objects.filter(member=absorbed).update(member=kept)


@transaction.atomic
def merge_members(kept: Member, absorbed: Member, *, by=None, reason=MemberMerge.MANUAL) -> MemberMerge:
    """Absorb `absorbed` into `kept`; raises MergeRefused when it would lose an account."""
    kept = Member.objects.select_for_update().get(pk=kept.pk)
    absorbed = Member.objects.select_for_update().get(pk=absorbed.pk)
    _refuse_if_impossible(kept, absorbed)

    user = absorbed.user
    offset = Mission.objects.filter(member=kept).count()
    missions = list(Mission.objects.filter(member=absorbed).order_by("sort_order", "pk"))
    for position, mission in enumerate(missions):
        mission.member, mission.sort_order = kept, offset + position
    Mission.objects.bulk_update(missions, ["member", "sort_order"])
    claims = _move_claims(kept, absorbed)
    other_links = _repoint_other_links(kept, absorbed)
    filled = _fill_empty_fields(kept, absorbed)
    roles = list(absorbed.roles.all())
    incubators = list(absorbed.coached_incubators.all())

    record = MemberMerge(
        kept=kept,
        kept_slug=kept.slug,
        absorbed_slug=absorbed.slug,
        absorbed_name=absorbed.full_name,
        absorbed_source=absorbed.source,
        missions_moved=len(missions),
        reason=reason,
        merged_by=by if by is not None and by.is_authenticated else None,
        details={
            "champs_repris": filled,
            "demandes_deplacees": claims,
            "liens_deplaces": other_links,
            "compte_repris": user.pk if user else None,
        },
    )
    absorbed.delete()
    if user is not None:
        kept.user = user
    # Parental many-to-many relations are written by save().
    kept.roles.add(*roles)
    kept.coached_incubators.add(*incubators)
    kept.save()
    record.save()
    return record
