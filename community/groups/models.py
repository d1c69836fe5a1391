"""Working groups and who belongs to them; the reading and posting rules are defined here once."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse

from community.members.groups import ADMINISTRATEURS, MEMBRES, MODERATEURS


class GroupKind(models.TextChoices):
    COMMUNAUTE_DE_PRATIQUE = "communaute-de-pratique", "Communauté de pratique"
    CLUB_METIER = "club-metier", "Club métier"
    GROUPE_INCUBATEUR = "groupe-incubateur", "Groupe d'incubateur"
    PROJET_TRANSVERSE = "projet-transverse", "Projet transverse"


class GroupVisibility(models.TextChoices):
    PUBLIC = "public", "Public : lisible par tous, ouvert aux membres"
    MEMBERS = "membres", "Membres : lisible par les membres connectés"
    PRIVATE = "prive", "Privé : sur invitation ou demande"


def is_site_moderator(user) -> bool:
    """Site moderators and administrators may read and moderate every group."""
    if not getattr(user, "is_authenticated", False):
        return False
    return user.is_superuser or user.groups.filter(name__in=(MODERATEURS, ADMINISTRATEURS)).exists()


def is_member(user) -> bool:
    """A logged-in account with a member profile (the "Membres" group), or staff."""
    if not getattr(user, "is_authenticated", False):
        return False
    return user.is_staff or user.groups.filter(name=MEMBRES).exists()


class GroupQuerySet(models.QuerySet):
    def readable_by(self, user):
        """Public groups for everyone; members-only for members; private for their own members."""
        if is_site_moderator(user):
            return self
        condition = Q(visibility=GroupVisibility.PUBLIC)
        if is_member(user):
            condition |= Q(visibility=GroupVisibility.MEMBERS)
            condition |= Q(
                visibility=GroupVisibility.PRIVATE,
                memberships__user=user,
                memberships__status=Membership.Status.ACTIVE,
            )
        return self.filter(condition).distinct()


class Group(models.Model):
    """A community of practice, a trade club, an incubator's group or a cross-cutting project."""

    name = models.CharField("nom", max_length=120)
    slug = models.SlugField("identifiant", max_length=140, unique=True)
    purpose = models.TextField("raison d'être", help_text="À quoi sert le groupe, pour qui.")
    kind = models.CharField(
        "type", max_length=30, choices=GroupKind.choices, default=GroupKind.COMMUNAUTE_DE_PRATIQUE
    )
    visibility = models.CharField(
        "visibilité", max_length=10, choices=GroupVisibility.choices, default=GroupVisibility.PUBLIC
    )
    # A string reference: groups are a feature beside startups and never import it.
    incubator = models.ForeignKey(
        "startups.IncubatorPage",
        verbose_name="incubateur",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="working_groups",
    )
    phases = models.ManyToManyField("taxonomy.Phase", verbose_name="phases", blank=True, related_name="+")
    roles = models.ManyToManyField("taxonomy.Role", verbose_name="rôles", blank=True, related_name="+")
    thematiques = models.ManyToManyField(
        "taxonomy.Thematique", verbose_name="thématiques", blank=True, related_name="+"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField("créé le", auto_now_add=True)

    objects = GroupQuerySet.as_manager()

    class Meta:
        verbose_name = "groupe de travail"
        verbose_name_plural = "groupes de travail"
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("groups:detail", kwargs={"slug": self.slug})

    def membership_of(self, user):
        if not getattr(user, "is_authenticated", False):
            return None
        return self.memberships.filter(user=user).first()

    def is_active_member(self, user) -> bool:
        membership = self.membership_of(user)
        return membership is not None and membership.status == Membership.Status.ACTIVE

    def is_coordinator(self, user) -> bool:
        membership = self.membership_of(user)
        return (
            membership is not None
            and membership.status == Membership.Status.ACTIVE
            and membership.role == Membership.Role.COORDINATOR
        )

    def can_read(self, user) -> bool:
        if self.visibility == GroupVisibility.PUBLIC:
            return True
        if self.visibility == GroupVisibility.MEMBERS:
            return is_member(user)
        return self.is_active_member(user) or is_site_moderator(user)

    def can_moderate(self, user) -> bool:
        """Coordinators moderate their group; site moderators every group."""
        return self.is_coordinator(user) or is_site_moderator(user)

    def can_post(self, user) -> bool:
        """Only active members of the group post (a site-wide ban is checked by the discussions)."""
        return self.is_active_member(user)


class Membership(models.Model):
    """One person's place in a group: a request, an invitation accepted, a member or a coordinator."""

    class Role(models.TextChoices):
        MEMBER = "membre", "Membre"
        COORDINATOR = "coordination", "Coordinateur·rice"

    class Status(models.TextChoices):
        REQUESTED = "demande", "Demande en attente"
        ACTIVE = "actif", "Membre"

    group = models.ForeignKey(Group, on_delete=models.CASCADE, related_name="memberships")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="group_memberships"
    )
    role = models.CharField("rôle", max_length=20, choices=Role.choices, default=Role.MEMBER)
    status = models.CharField("statut", max_length=10, choices=Status.choices, default=Status.ACTIVE)
    created_at = models.DateTimeField("depuis le", auto_now_add=True)

    class Meta:
        verbose_name = "adhésion à un groupe"
        verbose_name_plural = "adhésions aux groupes"
        constraints = [models.UniqueConstraint(fields=["group", "user"], name="one_membership_per_group")]

    def __str__(self):
        return f"{self.user} — {self.group}"
